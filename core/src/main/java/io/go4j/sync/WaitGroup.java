package io.go4j.sync;

import io.go4j.Go;
import io.go4j.GoInterruptedException;
import io.go4j.internal.race.Race;
import io.go4j.internal.runtime.SpinLock;
import io.go4j.internal.runtime.Sudog;
import io.go4j.internal.runtime.WaitQueue;
import io.go4j.internal.runtime.WaitReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * Waits for a collection of goroutines to finish: Go's {@code sync.WaitGroup}.
 *
 * <p>The main goroutine calls {@link #add(int)} with the number of goroutines to wait for, each
 * of them calls {@link #done()} when finished, and {@link #await()} blocks until all have. Or,
 * as Go 1.25's {@code wg.Go}, {@link #go(Runnable)} does the bookkeeping. Each {@code done()}
 * happens-before the {@code await()} it releases returns.
 *
 * <p>Rules as in Go: calls with a positive delta that start when the counter is zero must happen
 * before an {@code await()}; a WaitGroup reused for a new round must see its new {@code add}s
 * happen after every {@code await()} of the previous round has returned.
 */
public final class WaitGroup {

    /*
     * Implementation notes: Algorithm (Go's {@code sync/waitgroup.go}).
     *
     * One long holds the counter (high 32 bits) and the number of waiters (low 32). {@code add} is
     * one CAS, and {@code await} on a zero counter one volatile read. A waiter registers itself in
     * the count and queues, both under the wait list's lock; the {@code add} that brings the
     * counter to zero resets the word to 0 and wakes every queued waiter, also under that lock, so
     * the waiter count always equals the list's length, and an interrupted waiter can leave
     * cleanly.
     */

    static final String NEGATIVE = "sync: negative WaitGroup counter";
    static final String MISUSE = "sync: WaitGroup misuse: Add called concurrently with Wait";
    static final String REUSED = "sync: WaitGroup is reused before previous Wait has returned";

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(WaitGroup.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Counter in the high 32 bits (never negative), waiter count in the low 32 bits. */
    private volatile long state;
    /** Threads in {@link #await()}; its length equals the waiter count, both under its lock. */
    private final SpinLock waitersLock = new SpinLock();
    private final WaitQueue waiters = new WaitQueue();

    /** Creates a WaitGroup with a zero counter: Go's {@code var wg sync.WaitGroup}. */
    public WaitGroup() {
    }

    /**
     * Adds {@code delta}, which may be negative, to the counter: Go's {@code WaitGroup.Add}. If
     * the counter becomes zero, every thread blocked in {@link #await()} is released.
     *
     * @param delta the change
     * @throws IllegalStateException {@code sync: negative WaitGroup counter} if the counter would
     *     go below zero (it is left unchanged), or {@code sync: WaitGroup misuse: Add called
     *     concurrently with Wait} if a positive delta races with waiters being released
     */
    public void add(int delta) {
        if (Race.ENABLED && delta < 0) {
            Race.release(this);
        }
        for (;;) {
            long s = state;
            int counter = (int) (s >>> 32);
            int waiting = (int) s;
            long next = (long) counter + delta;
            if (next < 0) {
                throw new IllegalStateException(NEGATIVE);
            }
            if (next > Integer.MAX_VALUE) {
                throw new IllegalStateException("sync: WaitGroup counter overflow");
            }
            if (waiting != 0 && delta > 0 && counter == 0) {
                throw new IllegalStateException(MISUSE);
            }
            if (STATE.compareAndSet(this, s, next << 32 | (s & 0xFFFF_FFFFL))) {
                if (next == 0 && waiting != 0) {
                    releaseWaiters();
                }
                return;
            }
        }
    }

    /**
     * Decrements the counter by one: Go's {@code WaitGroup.Done}.
     *
     * @throws IllegalStateException {@code sync: negative WaitGroup counter} if it was zero
     */
    public void done() {
        add(-1);
    }

    /**
     * Blocks until the counter is zero: Go's {@code WaitGroup.Wait}.
     *
     * @throws GoInterruptedException if the thread is interrupted while it waits; it is then no
     *     longer counted as a waiter and its interrupt status is still set
     * @throws IllegalStateException {@code sync: WaitGroup is reused before previous Wait has
     *     returned} if a new round started before this waiter could return
     */
    public void await() {
        if ((state >>> 32) != 0) {
            awaitSlow();
        }
        if (Race.ENABLED) {
            Race.acquire(this);
        }
    }

    /**
     * Runs {@code body} in a new goroutine and counts it: Go 1.25's {@code WaitGroup.Go}, which
     * is {@code add(1)}, then {@code go} a function that runs {@code body} and calls
     * {@link #done()} however {@code body} ends.
     *
     * @param body what the goroutine runs
     * @return the goroutine's thread, already started
     */
    public Thread go(Runnable body) {
        Objects.requireNonNull(body, "body");
        add(1);
        try {
            return Go.go(() -> {
                try {
                    body.run();
                } finally {
                    done();
                }
            });
        } catch (RuntimeException | Error e) {
            done(); // the goroutine never started
            throw e;
        }
    }

    @Override
    public String toString() {
        long s = state;
        return "WaitGroup[counter=" + (s >>> 32) + ", waiters=" + (int) s + "]";
    }

    private void awaitSlow() {
        Sudog node = new Sudog();
        waitersLock.lock();
        for (;;) {
            long s = state;
            if ((s >>> 32) == 0) {
                waitersLock.unlock();
                return;
            }
            if (STATE.compareAndSet(this, s, s + 1)) {
                break;
            }
        }
        waiters.add(node);
        waitersLock.unlock();
        if (node.await(this, WaitReason.SYNC_WAITGROUP_WAIT) == Sudog.WAITING) {
            cancel(node);
        }
        if (state != 0) {
            throw new IllegalStateException(REUSED);
        }
    }

    /** Interrupted: leaves the list and the count and throws, unless released meanwhile. */
    private void cancel(Sudog node) {
        waitersLock.lock();
        if (!node.cancel()) {
            waitersLock.unlock();
            return;
        }
        waiters.remove(node);
        for (long s; !STATE.compareAndSet(this, s = state, s - 1); ) {
            // retry: the counter may be changing
        }
        waitersLock.unlock();
        throw new GoInterruptedException();
    }

    /** The counter reached zero with waiters: resets the word and wakes them all. */
    private void releaseWaiters() {
        waitersLock.lock();
        for (;;) {
            long s = state;
            if ((s >>> 32) != 0 || (int) s == 0) {
                waitersLock.unlock(); // every waiter left, or another add took over
                return;
            }
            if (STATE.compareAndSet(this, s, 0L)) {
                break;
            }
        }
        Sudog chain = waiters.readyAll(Sudog.GRANTED);
        waitersLock.unlock();
        WaitQueue.unparkAll(chain);
    }
}
