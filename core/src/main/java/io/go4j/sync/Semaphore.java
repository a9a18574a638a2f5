package io.go4j.sync;

import io.go4j.GoInterruptedException;
import io.go4j.RecvChan;
import io.go4j.context.Context;
import io.go4j.context.ContextException;
import io.go4j.internal.race.Race;
import io.go4j.internal.runtime.Goroutines;
import io.go4j.internal.runtime.Spin;
import io.go4j.internal.runtime.SpinLock;
import io.go4j.internal.runtime.Sudog;
import io.go4j.internal.runtime.WaitQueue;
import io.go4j.internal.runtime.WaitReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A weighted semaphore: Go's {@code golang.org/x/sync/semaphore.Weighted}, bounding access to a
 * resource of size {@code n}; each caller acquires and releases some weight of it.
 *
 * <p>Waiters are served in FIFO order, strictly: a large request at the head of the queue blocks
 * later small ones even if they would fit, so that it is not starved. A release happens-before
 * an acquire that it lets proceed returns.
 *
 * <h2>Algorithm</h2>
 * Go's version takes a mutex around every call. Here one long holds the available weight and a
 * {@code WAITERS} flag, set exactly while the wait list is not empty (flag and list change
 * together under the list's lock). With the flag clear, acquiring and releasing are each one
 * CAS on that word. With it set, both go through the lock: an acquirer queues behind the others,
 * and a releaser adds its weight and then grants waiters from the head for as long as the head
 * fits.
 *
 * <p>A permit is usually held for a short while, and a park and unpark cost microseconds. So an
 * acquirer that finds too little weight free but nobody queued first spins a few rounds (see
 * {@link Spin}), retrying the one-CAS path, before it queues; that is the same as arriving a
 * little later, so FIFO order is kept. A queued waiter also spins briefly before parking (see
 * {@link Sudog#park}), watching for the grant.
 */
public final class Semaphore {

    static final String RELEASED_TOO_MUCH = "semaphore: released more than held";
    static final long WAITERS = 1L << 62;
    static final long AVAILABLE = WAITERS - 1;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Semaphore.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long size;
    /** {@code WAITERS |} the weight available now (size minus the weight held). */
    private volatile long state;
    /** Blocked acquirers, oldest first, each with its weight. */
    private final SpinLock waitersLock = new SpinLock();
    private final WaitQueue waiters = new WaitQueue();

    /**
     * Creates a semaphore of total weight {@code n}: Go's {@code semaphore.NewWeighted(n)}.
     *
     * @param n the total weight, at most 2<sup>62</sup>-1
     * @throws IllegalArgumentException if {@code n} is negative or too large
     */
    public Semaphore(long n) {
        if (n < 0 || n > AVAILABLE) {
            throw new IllegalArgumentException("semaphore: size out of range: " + n);
        }
        this.size = n;
        this.state = n;
    }

    /**
     * Acquires weight {@code n}, blocking until it is available and every earlier waiter has been
     * served: Go's {@code Weighted.Acquire}. A request larger than the semaphore's size can never
     * succeed: as in Go it then blocks (until interrupted, go4j's counterpart of the context
     * being done) without holding back the other callers.
     *
     * @param n the weight
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws GoInterruptedException if interrupted while it waits; nothing was acquired and the
     *     interrupt status is still set
     */
    public void acquire(long n) {
        long s = state;
        if (n < 0 || (s & WAITERS) != 0 || s < n || !STATE.compareAndSet(this, s, s - n)) {
            acquireSlow(n);
        }
        if (Race.ENABLED) {
            Race.acquire(this);
        }
    }

    /**
     * Acquires weight {@code n}, or gives up as soon as {@code ctx} is done: Go's
     * {@code Weighted.Acquire(ctx, n)}. Waits in the same FIFO queue as {@link #acquire(long)}.
     * A context that is done on entry fails the call even if the weight is free, as in Go; so
     * does one found done just after the weight was granted (the weight is then given back).
     *
     * <pre>{@code
     * // if err := sem.Acquire(ctx, 1); err != nil { return err }
     * ContextException err = sem.acquire(ctx, 1);
     * if (err != null) {
     *     throw err;
     * }
     * }</pre>
     *
     * @param ctx the context whose end abandons the wait
     * @param n the weight
     * @return null once acquired; {@code ctx.err()} if the context was done first, and then
     *     nothing was acquired
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws GoInterruptedException if interrupted while it waits; nothing was acquired and the
     *     interrupt status is still set
     */
    public ContextException acquire(Context ctx, long n) {
        checkWeight(n);
        ContextException err = ctx.err();
        if (err != null) {
            return err;
        }
        RecvChan<Void> done = ctx.done();
        if (done == null) {
            acquire(n);
            return null;
        }
        if (tryAcquire(n)) {
            return null;
        }
        if (n > size) {
            // Doomed: wait for the context without queuing, so that nobody waits behind it.
            done.receive();
            return ctx.err();
        }
        Sudog node = spinThenQueue(n);
        if (node == null) {
            if (Race.ENABLED) {
                Race.acquire(this);
            }
            return null;
        }
        // WOKEN, as a Mutex waiter woken to compete: awake with nothing granted.
        Context.StopFunc stopWatching = Context.afterFunc(ctx, () -> {
            if (withdraw(node, false)) {
                WaitQueue.wake(node);
            }
        });
        try {
            if (node.await(this, WaitReason.SEMACQUIRE) == Sudog.WAITING) {
                cancel(node);
            }
        } finally {
            stopWatching.stop();
        }
        if (node.state() == Sudog.WOKEN) {
            return ctx.err();
        }
        err = ctx.err();
        if (err != null) {
            release(n);
        } else if (Race.ENABLED) {
            Race.acquire(this);
        }
        return err;
    }

    /**
     * Acquires weight {@code n} if that is possible without waiting: Go's
     * {@code Weighted.TryAcquire}. Fails if others are queued, even if {@code n} would fit.
     *
     * @param n the weight
     * @return true if acquired
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public boolean tryAcquire(long n) {
        checkWeight(n);
        for (;;) {
            long s = state;
            if ((s & WAITERS) != 0 || s < n) {
                return false;
            }
            if (STATE.compareAndSet(this, s, s - n)) {
                if (Race.ENABLED) {
                    Race.acquire(this);
                }
                return true;
            }
        }
    }

    /**
     * Releases weight {@code n} and lets waiters that now fit proceed, in order: Go's
     * {@code Weighted.Release}.
     *
     * @param n the weight
     * @throws IllegalStateException {@code semaphore: released more than held} if that would make
     *     more weight available than the size (nothing is released then)
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public void release(long n) {
        checkWeight(n);
        if (Race.ENABLED) {
            Race.release(this);
        }
        for (;;) {
            long s = state;
            if ((s & WAITERS) != 0) {
                releaseSlow(n);
                return;
            }
            if (n > size - s) {
                throw new IllegalStateException(RELEASED_TOO_MUCH);
            }
            if (STATE.compareAndSet(this, s, s + n)) {
                return;
            }
        }
    }

    /** @return the weight held now (a snapshot) */
    long held() {
        return size - (state & AVAILABLE);
    }

    @Override
    public String toString() {
        return "Semaphore[size=" + size + ", held=" + held() + "]";
    }

    private static void checkWeight(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("semaphore: negative weight " + n);
        }
    }

    private void acquireSlow(long n) {
        checkWeight(n);
        if (n > size) {
            blockUntilInterrupted();
        }
        Sudog node = spinThenQueue(n);
        if (node != null && node.await(this, WaitReason.SEMACQUIRE) == Sudog.WAITING) {
            cancel(node);
        }
    }

    /**
     * Takes weight {@code n <= size} at once or after spinning, or else queues a node for it.
     *
     * @return null if acquired, else the node queued
     */
    private Sudog spinThenQueue(long n) {
        // Spin while nobody is queued, until n is free or someone queues: state >= n says either,
        // as WAITERS alone exceeds any weight.
        for (int round = 0; ; ) {
            long s = state;
            if ((s & WAITERS) == 0 && s >= n) {
                if (STATE.compareAndSet(this, s, s - n)) {
                    return null;
                }
            } else if ((s & WAITERS) != 0 || !Spin.spinOnce(round++, () -> state >= n)) {
                break; // others are queued (this call goes behind them), or spinning no longer pays
            }
        }
        waitersLock.lock();
        for (;;) {
            long s = state;
            if ((s & WAITERS) == 0 && s >= n) {
                if (STATE.compareAndSet(this, s, s - n)) {
                    waitersLock.unlock();
                    return null;
                }
            } else if ((s & WAITERS) != 0 || STATE.compareAndSet(this, s, s | WAITERS)) {
                break;
            }
        }
        Sudog node = new Sudog();
        node.weight = n;
        waiters.add(node);
        waitersLock.unlock();
        return node;
    }

    private void blockUntilInterrupted() {
        Goroutines.parkUntil(this, WaitReason.SEMACQUIRE, () -> false);
        throw new GoInterruptedException();
    }

    /** Interrupted while queued: leaves and throws, unless granted meanwhile. */
    private void cancel(Sudog node) {
        if (withdraw(node, true)) {
            throw new GoInterruptedException();
        }
    }

    /**
     * Takes a queued node out unless it was granted first: cancelled by its owner, or woken
     * ({@link Sudog#WOKEN}) by its context.
     *
     * @param byOwner true if the owner cancels it, false if its context wakes it
     * @return true if withdrawn, false if it had been granted
     */
    private boolean withdraw(Sudog node, boolean byOwner) {
        waitersLock.lock();
        if (!(byOwner ? node.cancel() : node.ready(Sudog.WOKEN))) {
            waitersLock.unlock();
            return false;
        }
        waiters.remove(node);
        // Leaving the head may let the next waiters in (Go does this too).
        Sudog chain = grantFitting();
        waitersLock.unlock();
        WaitQueue.unparkAll(chain);
        return true;
    }

    private void releaseSlow(long n) {
        waitersLock.lock();
        for (;;) {
            long s = state;
            if (n > size - (s & AVAILABLE)) {
                waitersLock.unlock();
                throw new IllegalStateException(RELEASED_TOO_MUCH);
            }
            if (STATE.compareAndSet(this, s, s + n)) {
                break;
            }
        }
        Sudog chain = grantFitting();
        waitersLock.unlock();
        WaitQueue.unparkAll(chain);
    }

    /**
     * Lock held, {@code WAITERS} set: grants waiters from the head while the head fits, clears
     * {@code WAITERS} if none is left.
     *
     * @return the granted nodes, to unpark after unlocking
     */
    private Sudog grantFitting() {
        Sudog chain = null;
        for (Sudog head; (head = waiters.peek()) != null; ) {
            long w = head.weight;
            long s;
            do {
                s = state;
                if ((s & AVAILABLE) < w) {
                    return chain; // the head does not fit: everyone behind it waits too
                }
            } while (!STATE.compareAndSet(this, s, s - w));
            chain = waiters.readyFirst(Sudog.GRANTED, chain);
        }
        for (long s; !STATE.compareAndSet(this, s = state, s & ~WAITERS); ) {
            // retry
        }
        return chain;
    }
}
