package io.go4j.sync;

import io.go4j.GoInterruptedException;
import io.go4j.internal.runtime.WaitReason;
import io.go4j.internal.sync.WaitList;
import io.go4j.internal.sync.WaitNode;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

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
    private final WaitList waiters = new WaitList();

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
        WaitNode node = new WaitNode(0);
        waiters.lock();
        waiters.addLast(node);
        waiters.unlock();
        try {
            locker.unlock();
        } catch (RuntimeException | Error e) {
            if (!cancel(node)) {
                signal();
            }
            throw e;
        }
        boolean cancelled = node.park(this, WaitReason.SYNC_COND_WAIT) == WaitNode.WAITING && cancel(node);
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
        waiters.lock();
        WaitNode chain = waiters.grantFirst(WaitNode.GRANTED, null);
        waiters.unlock();
        if (chain != null) {
            LockSupport.unpark(chain.thread);
        }
    }

    /** Wakes every thread waiting in {@link #await()}: Go's {@code Cond.Broadcast}. */
    public void broadcast() {
        waiters.lock();
        WaitNode chain = waiters.grantAll(WaitNode.GRANTED);
        waiters.unlock();
        WaitList.unparkAll(chain);
    }

    /** @return true if the node left the list unsignalled, false if a signal came first */
    private boolean cancel(WaitNode node) {
        waiters.lock();
        boolean removed = node.state == WaitNode.WAITING && waiters.remove(node);
        waiters.unlock();
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
