package io.go4j.internal.sync;

import io.go4j.internal.runtime.Goroutines;
import io.go4j.internal.runtime.WaitReason;

/**
 * A thread blocked in one of the {@code io.go4j.sync} primitives: the JVM's counterpart of the
 * {@code sudog} that Go's {@code runtime/sema.go} queues on a semaphore address.
 *
 * <h2>Protocol</h2>
 * A node lives in at most one {@link WaitList}, and every change of its {@link #state} while it
 * is linked happens with that list's lock held. The thread that takes a node out of the list to
 * grant it (an unlocker, a signaller, a releaser) writes {@link #state} last: it is volatile, so
 * everything the granter did before is visible to the woken thread once it sees the new state.
 * The owner cancels only under the same lock, and only if the state is still {@link #WAITING};
 * so a node is either granted or cancelled, never both, and a granted node's grant is never lost.
 */
public final class WaitNode {

    /** State of a node nobody has granted yet. */
    public static final int WAITING = 0;
    /** State written by the granter: the waiter got what it waited for (lock, permits, signal). */
    public static final int GRANTED = 1;
    /** State written by a Mutex unlocker in normal mode: woken to compete, nothing granted. */
    public static final int WOKEN = 2;

    /** The blocked thread. */
    public final Thread thread;
    /** What the waiter asks for: semaphore weight; 0 where it does not apply. */
    public final long weight;
    /** {@link System#nanoTime()} when the waiter first queued (Mutex starvation check). */
    public long since;

    /** {@link #WAITING} until the granter writes another value; written under the list's lock. */
    public volatile int state;

    WaitNode prev;
    WaitNode next;
    boolean linked;

    /**
     * Creates a node for the current thread.
     *
     * @param weight what it asks for, or 0
     */
    public WaitNode(long weight) {
        this.thread = Thread.currentThread();
        this.weight = weight;
    }

    /**
     * Waits until the node leaves {@link #WAITING} or the thread is interrupted.
     *
     * <p>A grant often comes within a microsecond (a lock held for a few instructions, a permit
     * released at once), much sooner than a park and unpark take. So the waiter first watches
     * {@link #state} for a few rounds where {@link Spin} allows it, and parks only if the grant
     * has not come by then. The spin is bounded and needs a free core, so a wait that is long
     * anyway (a Cond, a WaitGroup) loses at most those few rounds.
     *
     * @param blocker the primitive, for thread dumps
     * @param reason what the thread waits for, for goroutine dumps and deadlock detection
     * @return the state it left {@code WAITING} for, or {@code WAITING} if interrupted first (the
     *     caller then takes the list's lock and cancels if the state is still {@code WAITING})
     */
    public int park(Object blocker, WaitReason reason) {
        for (int round = 0; !left() && Spin.spinOnce(round, this::left); round++) {
            // the granter may be about to write state
        }
        int s = state;
        if (s != WAITING) {
            return s;
        }
        Goroutines.parkUntil(blocker, reason, this::left);
        return state;
    }

    /** @return true once the node has left {@link #WAITING} */
    private boolean left() {
        return state != WAITING;
    }

    /**
     * Grants the node: lock of its list held, node already taken out of the list. The caller
     * unparks {@link #thread} once it has released the lock.
     *
     * @param newState {@link #GRANTED} or {@link #WOKEN}
     */
    public void grant(int newState) {
        state = newState;
    }
}
