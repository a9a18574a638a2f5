package io.go4j.sync;

import io.go4j.GoInterruptedException;
import io.go4j.internal.runtime.SpinLock;
import io.go4j.internal.runtime.Sudog;
import io.go4j.internal.runtime.WaitQueue;
import io.go4j.internal.runtime.WaitReason;
import java.util.Objects;

/**
 * A condition variable: Go's {@code sync.Cond}, a rendezvous point for threads waiting for, or
 * announcing, a change of state guarded by a {@link Locker}.
 *
 * <p>As in Go, {@link #await()} may return without the condition being true (another thread may
 * have changed the state again before this one relocked), so callers wait in a loop:
 * {@code while (!condition) cond.await();}. {@link #signal()} wakes the thread that has waited
 * longest; {@link #broadcast()} wakes all. Neither needs the lock held. A signal or broadcast
 * happens-before the await it wakes returns.
 */
public final class Cond {

    /*
     * Implementation notes: Algorithm (Go's {@code runtime/sema.go} notify list).
     *
     * A waiter queues itself in a FIFO <em>before</em> it releases the lock, so a signal sent after
     * that cannot miss it; then it parks. Signal takes the oldest queued waiter out of the list and
     * wakes it; broadcast takes them all. The waiter then locks again before returning.
     */

    private final Locker locker;
    /** Threads in {@link #await()}, oldest first. */
    private final SpinLock waitersLock = new SpinLock();
    private final WaitQueue waiters = new WaitQueue();

    /**
     * Creates a condition variable bound to {@code locker}: Go's {@code sync.NewCond(l)}.
     *
     * @param locker the lock that guards the condition; Go's field {@code c.L}
     */
    public Cond(Locker locker) {
        this.locker = Objects.requireNonNull(locker, "locker");
    }

    /**
     * The lock that guards the condition: Go's {@code c.L}.
     *
     * @return the locker given to the constructor
     */
    public Locker locker() {
        return locker;
    }

    /**
     * Unlocks, waits for a {@link #signal()} or {@link #broadcast()}, and locks again before
     * returning: Go's {@code Cond.Wait}. The caller must hold the lock.
     *
     * @throws IllegalStateException ({@code sync: unlock of unlocked mutex}, or whatever the
     *     locker's {@code unlock} throws) if the caller does not hold the lock: the call then
     *     leaves the {@code Cond} as it found it, and a signal it took meanwhile goes to the
     *     next waiter
     * @throws GoInterruptedException if the thread is interrupted before it was signalled: it then
     *     consumed no signal, holds the lock again, and its interrupt status is still set. A thread
     *     signalled and then interrupted returns normally, with the interrupt status set.
     */
    public void await() {
        Sudog node = new Sudog();
        waitersLock.lock();
        waiters.add(node);
        waitersLock.unlock();
        try {
            locker.unlock();
        } catch (RuntimeException | Error e) {
            if (!cancel(node)) {
                signal();
            }
            throw e;
        }
        boolean cancelled =
                node.await(this, WaitReason.SYNC_COND_WAIT) == Sudog.WAITING && cancel(node);
        relock();
        if (cancelled) {
            throw new GoInterruptedException();
        }
    }

    /**
     * Wakes the thread that has waited longest in {@link #await()}, if any: Go's
     * {@code Cond.Signal}.
     */
    public void signal() {
        waitersLock.lock();
        Sudog chain = waiters.readyFirst(Sudog.GRANTED, null);
        waitersLock.unlock();
        if (chain != null) {
            WaitQueue.wake(chain);
        }
    }

    /** Wakes every thread waiting in {@link #await()}: Go's {@code Cond.Broadcast}. */
    public void broadcast() {
        waitersLock.lock();
        Sudog chain = waiters.readyAll(Sudog.GRANTED);
        waitersLock.unlock();
        WaitQueue.unparkAll(chain);
    }

    /** @return true if the node left the list unsignalled, false if a signal came first */
    private boolean cancel(Sudog node) {
        waitersLock.lock();
        boolean removed = node.cancel() && waiters.remove(node);
        waitersLock.unlock();
        return removed;
    }

    /** Locks again however often the thread is interrupted, then restores its interrupt status. */
    private void relock() {
        boolean interrupted = false;
        for (;;) {
            try {
                locker.lock();
                break;
            } catch (GoInterruptedException e) {
                interrupted = true;
                Thread.interrupted(); // to be able to park in the next attempt
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
