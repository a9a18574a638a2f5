package io.go4j.lincheck;

import io.go4j.ChanClosedException;
import java.util.ArrayDeque;

/**
 * The sequential specification of a go4j channel's non-blocking operations, straight from the Go
 * spec: a FIFO buffer of {@code capacity} values and a closed flag. With no other thread around,
 * a blocking counterpart is never waiting, so on an unbuffered channel a non-blocking send never
 * succeeds and a non-blocking receive only ever sees "closed".
 *
 * <p>Its methods mirror {@link ChanLincheckTest.Operations}, name for name: Lincheck runs them
 * one at a time to find a sequential explanation of each concurrent history. Results use the
 * same encoding: a received value, {@link ChanLincheckTest#CLOSED} or null (nothing ready).
 */
public class ChanModel {

    private final int capacity;
    private final ArrayDeque<Integer> buffer = new ArrayDeque<>();
    private boolean closed;

    ChanModel(int capacity) {
        this.capacity = capacity;
    }

    public boolean trySend(int value) {
        if (closed) {
            throw new ChanClosedException("send on closed channel");
        }
        if (buffer.size() == capacity) {
            return false;
        }
        buffer.addLast(value);
        return true;
    }

    public Integer tryReceive() {
        if (!buffer.isEmpty()) {
            return buffer.pollFirst();
        }
        return closed ? ChanLincheckTest.CLOSED : null;
    }

    public boolean selectSend(int value) {
        return trySend(value);
    }

    public Integer selectReceive() {
        return tryReceive();
    }

    public void close() {
        if (closed) {
            throw new ChanClosedException("close of closed channel");
        }
        closed = true;
    }

    public int len() {
        return buffer.size();
    }

    /** The model of an unbuffered channel. */
    public static class Cap0 extends ChanModel {
        public Cap0() {
            super(0);
        }
    }

    /** The model of a channel of capacity 1. */
    public static class Cap1 extends ChanModel {
        public Cap1() {
            super(1);
        }
    }

    /** The model of a channel of capacity 4. */
    public static class Cap4 extends ChanModel {
        public Cap4() {
            super(4);
        }
    }
}
