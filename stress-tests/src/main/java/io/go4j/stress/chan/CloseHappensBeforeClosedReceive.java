package io.go4j.stress.chan;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.Received;
import io.go4j.Select;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go memory model: <em>"The closing of a channel is synchronized before a receive that returns
 * because the channel is closed."</em>
 *
 * <p>A plain field written before {@code close()} must be visible after a receive that reported
 * the channel closed ({@code ok == false}): a blocking {@code receiveOk} woken by the close, a
 * {@code tryReceive}, a {@code select} receive case, and a receive on a buffered channel that
 * first drained the value sent before the close.
 */
public final class CloseHappensBeforeClosedReceive {

    private CloseHappensBeforeClosedReceive() {
    }

    /** Blocking {@code receiveOk} on an unbuffered channel; it returns only once closed. */
    @JCStressTest
    @Outcome(id = "0, 1", expect = ACCEPTABLE,
            desc = "Saw the channel closed and the write made before close.")
    @Outcome(id = "0, 0", expect = FORBIDDEN,
            desc = "Saw the channel closed but missed the write: close does not happen-before it.")
    @Outcome(expect = FORBIDDEN, desc = "A receive on a channel nobody sends on reported ok=true.")
    @State
    public static class ReceiveOk {
        final Chan<Integer> ch = Chan.make();
        int x;

        @Actor
        public void closer() {
            x = 1;
            ch.close();
        }

        @Actor
        public void receiver(II_Result r) {
            Received<Integer> got = ch.receiveOk();
            r.r1 = got.ok() ? 1 : 0;
            r.r2 = x;
        }
    }

    /** Non-blocking {@code tryReceive}: either not ready yet, or closed with the write visible. */
    @JCStressTest
    @Outcome(id = "0, 1", expect = ACCEPTABLE,
            desc = "Saw the channel closed and the write made before close.")
    @Outcome(id = "2, -1", expect = ACCEPTABLE,
            desc = "tryReceive ran before close: nothing ready.")
    @Outcome(id = "0, 0", expect = FORBIDDEN,
            desc = "Saw the channel closed but missed the write: close does not happen-before it.")
    @Outcome(expect = FORBIDDEN, desc = "tryReceive reported a value nobody sent.")
    @State
    public static class TryReceive {
        final Chan<Integer> ch = Chan.make();
        int x;

        @Actor
        public void closer() {
            x = 1;
            ch.close();
        }

        @Actor
        public void receiver(II_Result r) {
            Received<Integer> got = ch.tryReceive();
            if (got == null) {
                r.r1 = 2;
                r.r2 = -1;
            } else {
                r.r1 = got.ok() ? 1 : 0;
                r.r2 = x;
            }
        }
    }

    /** A blocking select whose only case receives; close makes it fire with ok=false. */
    @JCStressTest
    @Outcome(id = "0, 1", expect = ACCEPTABLE,
            desc = "The case body saw ok=false and the write made before close.")
    @Outcome(id = "0, 0", expect = FORBIDDEN,
            desc = "The case body saw ok=false but missed the write.")
    @Outcome(expect = FORBIDDEN,
            desc = "The receive case reported ok=true on a channel nobody sends on.")
    @State
    public static class SelectRecv {
        final Chan<Integer> ch = Chan.make();
        int x;

        @Actor
        public void closer() {
            x = 1;
            ch.close();
        }

        @Actor
        public void receiver(II_Result r) {
            Select.select(Select.recvOk(ch, (Integer v, boolean ok) -> {
                r.r1 = ok ? 1 : 0;
                r.r2 = x;
            }));
        }
    }

    /**
     * Capacity 1: one value is sent, then the channel closed; the receiver first drains the value
     * ({@code ok == true}), then sees the channel closed and the write made before close.
     */
    @JCStressTest
    @Outcome(id = "5, 0, 1", expect = ACCEPTABLE,
            desc = "Drained the value, then saw closed and the write.")
    @Outcome(id = "5, 0, 0", expect = FORBIDDEN,
            desc = "Saw closed but missed the write made before close.")
    @Outcome(expect = FORBIDDEN, desc = "Lost the buffered value, or saw ok=true after draining.")
    @State
    public static class BufferedDrained {
        final Chan<Integer> ch = Chan.make(1);
        int x;

        @Actor
        public void closer() {
            ch.send(5);
            x = 1;
            ch.close();
        }

        @Actor
        public void receiver(III_Result r) {
            Received<Integer> first = ch.receiveOk();
            r.r1 = first.ok() ? first.value() : -1;
            Received<Integer> second = ch.receiveOk();
            r.r2 = second.ok() ? 1 : 0;
            r.r3 = x;
        }
    }
}
