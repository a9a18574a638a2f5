package io.go4j.sync;

import io.go4j.GoInterruptedException;
import io.go4j.internal.race.Race;
import io.go4j.internal.runtime.Spin;
import io.go4j.internal.runtime.SpinLock;
import io.go4j.internal.runtime.Sudog;
import io.go4j.internal.runtime.WaitQueue;
import io.go4j.internal.runtime.WaitReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A mutual exclusion lock: Go's {@code sync.Mutex}.
 *
 * <p>The zero state is unlocked. It is not reentrant: locking it twice from one thread blocks
 * forever, as in Go. It is not tied to a thread either: any thread may unlock it. Unlock n
 * happens-before lock n+1 returns.
 *
 * <p>As Go's, it has two modes. In normal mode a woken waiter competes for the lock with threads
 * just arriving, which usually win: fast, but unfair. A waiter that has waited more than 1 ms
 * switches the mutex to starvation mode, where an unlock hands it straight to the oldest waiter
 * and newcomers queue behind; it returns to normal mode once the queue drains or a waiter got it
 * quickly.
 */
public final class Mutex implements Locker {

    /*
     * Implementation notes: Algorithm (Go's {@code sync/mutex.go}).
     *
     * One int holds four flags: {@code LOCKED}; {@code WOKEN}, set while one thread that is not
     * parked competes for the lock (a woken waiter, or a newcomer spinning), so that an unlocker
     * need not wake another; {@code STARVING}; and {@code WAITERS}, set exactly while the wait list
     * is not empty. Locking an idle mutex is one CAS from 0 to {@code LOCKED}; unlocking one with
     * nobody waiting is one CAS back.
     *
     * <p><b>Normal mode.</b> A thread that finds the mutex locked spins a few rounds if that may
     * pay (see {@link Spin}), then queues at the tail of the wait list and parks. An unlocker
     * clears {@code LOCKED} and, if there are waiters and nobody is already {@code WOKEN}, wakes
     * the oldest. The woken waiter does not own the lock: it competes with newcomers, which have
     * the edge because they are already running. That is what makes normal mode fast. A waiter that
     * loses goes back to the <em>head</em> of the list.
     *
     * <p><b>Starvation mode.</b> A waiter that loses after having waited more than 1 ms sets {@code
     * STARVING}. From then on an unlocker leaves {@code LOCKED} set and hands the mutex straight to
     * the oldest waiter; newcomers neither spin nor try to grab it, they queue at the tail. The
     * unlocker returns to normal mode when it hands the mutex to the last waiter, or to one that
     * waited less than 1 ms. Starvation mode bounds every waiter's wait; normal mode wins on
     * throughput.
     *
     * <p><b>Interruption.</b> A parked waiter that is interrupted takes itself out of the list and
     * throws, without the lock. If the lock was handed to it first, it keeps it and returns
     * normally (the interrupt status stays set). A woken waiter that is interrupted before it wins
     * passes its {@code WOKEN} duty on, so no wake-up is lost.
     *
     * <p>Invariants: {@code STARVING} implies {@code LOCKED}; {@code WAITERS} and the list change
     * together, under the list's lock.
     */

    static final int LOCKED = 1;
    static final int WOKEN = 2;
    static final int STARVING = 4;
    static final int WAITERS = 8;
    /** Go's {@code starvationThresholdNs}. */
    static final long STARVATION_NANOS = 1_000_000L;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Mutex.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code LOCKED | WOKEN | STARVING | WAITERS}, see the class comment. */
    private volatile int state;
    /** Parked lockers, oldest first (except losers of a race, re-queued at the head). */
    private final SpinLock waitersLock = new SpinLock();
    private final WaitQueue waiters = new WaitQueue();
    /** The handle {@link #locked()} returns, made once so that it costs no allocation. */
    private final Held held = this::unlock;
    /** What a parked locker shows as its blocker in thread dumps: this, or the lock it serves. */
    private final Object blocker;

    /** Creates an unlocked mutex: Go's {@code var mu sync.Mutex}. */
    public Mutex() {
        this.blocker = this;
    }

    /**
     * Creates an unlocked mutex that serves as a part of {@code owner} (the writers' mutex of an
     * {@link RWMutex}), so that its parked lockers show {@code owner} as their blocker.
     */
    Mutex(Object owner) {
        this.blocker = owner;
    }

    /**
     * Locks the mutex: Go's {@code Mutex.Lock}. Blocks until it is available.
     *
     * @throws GoInterruptedException if the thread is interrupted while it must wait; the mutex
     *     was then not acquired and the interrupt status is still set
     */
    @Override
    public void lock() {
        if (!STATE.compareAndSet(this, 0, LOCKED)) {
            lockSlow();
        }
        if (Race.ENABLED) {
            Race.acquire(this);
        }
    }

    /**
     * Locks the mutex if it is free now: Go's {@code Mutex.TryLock}. Never blocks. Fails in
     * starvation mode, where the mutex belongs to the oldest waiter.
     *
     * @return true if this call locked it
     */
    public boolean tryLock() {
        int s = state;
        boolean locked = (s & (LOCKED | STARVING)) == 0 && STATE.compareAndSet(this, s, s | LOCKED);
        if (Race.ENABLED && locked) {
            Race.acquire(this);
        }
        return locked;
    }

    /**
     * Unlocks the mutex: Go's {@code Mutex.Unlock}. Any thread may unlock it.
     *
     * @throws IllegalStateException {@code sync: unlock of unlocked mutex} if it was not locked
     */
    @Override
    public void unlock() {
        if (Race.ENABLED) {
            Race.release(this);
        }
        if (!STATE.compareAndSet(this, LOCKED, 0)) {
            unlockSlow();
        }
    }

    /**
     * Locks and returns a handle that unlocks when closed: {@code try (var held = mu.locked())
     * {...}} is Go's {@code mu.Lock(); defer mu.Unlock()}. The handle is shared, no allocation.
     *
     * @return the handle
     * @throws GoInterruptedException as {@link #lock()}
     */
    @Override
    public Held locked() {
        lock();
        return held;
    }

    @Override
    public String toString() {
        int s = state;
        return "Mutex[" + ((s & LOCKED) != 0 ? "locked" : "unlocked")
                + ((s & STARVING) != 0 ? ", starving" : "")
                + ((s & WAITERS) != 0 ? ", waiters" : "") + "]";
    }

    // ---- slow paths ----

    private void lockSlow() {
        boolean awoke = false; // this thread owns the WOKEN flag
        long since = 0;        // when this thread first queued
        int spins = 0;
        for (;;) {
            int s = state;
            if ((s & (LOCKED | STARVING)) == 0) {
                int n = awoke ? (s | LOCKED) & ~WOKEN : s | LOCKED;
                if (STATE.compareAndSet(this, s, n)) {
                    return;
                }
                continue;
            }
            if ((s & STARVING) == 0 && spins < Spin.MAX_ROUNDS && Spin.multicore()) {
                // Tell unlockers not to wake a waiter: this thread is awake and will take it.
                if (!awoke && (s & (WOKEN | WAITERS)) == WAITERS
                        && STATE.compareAndSet(this, s, s | WOKEN)) {
                    awoke = true;
                }
                // Whole rounds, unlike the waits of the other primitives: a spinner that pounced
                // the moment the mutex is free would bounce it between cores on every unlock,
                // whereas the holder re-locking a few times in a row meanwhile is Go's throughput.
                spins = Spin.spinOnce(spins, () -> false) ? spins + 1 : Spin.MAX_ROUNDS;
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                giveUp(awoke);
            }
            boolean requeue = since != 0;
            if (!requeue) {
                since = System.nanoTime();
            }
            boolean starving = requeue && System.nanoTime() - since > STARVATION_NANOS;
            int got = queueAndPark(awoke, starving, requeue, since);
            if (got == Sudog.GRANTED) {
                return;
            }
            if (got == Sudog.WOKEN) {
                awoke = true;
                spins = 0;
            }
        }
    }

    /**
     * Queues the caller and parks it, unless the mutex became free meanwhile.
     *
     * @return {@link Sudog#GRANTED} if the mutex was handed over, {@link Sudog#WOKEN} if
     *     woken to compete, {@link Sudog#WAITING} if it was free before the caller queued
     * @throws GoInterruptedException if interrupted while parked, with nothing acquired
     */
    private int queueAndPark(boolean awoke, boolean starving, boolean atHead, long since) {
        waitersLock.lock();
        for (;;) {
            int s = state;
            if ((s & (LOCKED | STARVING)) == 0) {
                waitersLock.unlock();
                return Sudog.WAITING;
            }
            int n = s | WAITERS;
            if (awoke) {
                n &= ~WOKEN;
            }
            if (starving) {
                n |= STARVING; // s has LOCKED, since STARVING implies LOCKED
            }
            if (STATE.compareAndSet(this, s, n)) {
                break;
            }
        }
        Sudog node = new Sudog();
        node.since = since;
        if (atHead) {
            waiters.addFirst(node);
        } else {
            waiters.add(node);
        }
        waitersLock.unlock();
        int got = node.await(blocker, WaitReason.SYNC_MUTEX_LOCK);
        return got != Sudog.WAITING ? got : cancel(node);
    }

    /** Interrupted while parked: leaves the list and throws, unless granted or woken first. */
    private int cancel(Sudog node) {
        waitersLock.lock();
        if (!node.cancel()) {
            waitersLock.unlock();
            return node.state();
        }
        waiters.remove(node);
        if (waiters.isEmpty()) {
            clear(WAITERS | STARVING);
        }
        waitersLock.unlock();
        throw new GoInterruptedException();
    }

    /** Interrupted before queueing: hands the WOKEN duty on, then throws. */
    private void giveUp(boolean awoke) {
        if (awoke) {
            clear(WOKEN);
            wakeOne();
        }
        throw new GoInterruptedException();
    }

    private void unlockSlow() {
        for (;;) {
            int s = state;
            if ((s & LOCKED) == 0) {
                throw new IllegalStateException("sync: unlock of unlocked mutex");
            }
            if ((s & STARVING) != 0) {
                handOff();
                return;
            }
            if (STATE.compareAndSet(this, s, s & ~LOCKED)) {
                wakeOne();
                return;
            }
        }
    }

    /** Normal mode: wakes the oldest waiter, unless the mutex is taken or someone is awake. */
    private void wakeOne() {
        for (;;) {
            int s = state;
            if ((s & WAITERS) == 0 || (s & (LOCKED | WOKEN | STARVING)) != 0) {
                return;
            }
            if (STATE.compareAndSet(this, s, s | WOKEN)) {
                break;
            }
        }
        waitersLock.lock();
        Sudog n = waiters.poll();
        if (waiters.isEmpty()) {
            clear(n == null ? WAITERS | WOKEN : WAITERS);
        }
        if (n != null) {
            n.ready(Sudog.WOKEN);
        }
        waitersLock.unlock();
        if (n != null) {
            WaitQueue.wake(n);
        }
    }

    /** Starvation mode: {@code LOCKED} stays set and the oldest waiter becomes the owner. */
    private void handOff() {
        waitersLock.lock();
        Sudog n = waiters.poll();
        for (;;) {
            int s = state;
            int next;
            if (n == null) {
                next = s & ~(LOCKED | STARVING | WAITERS); // every waiter gave up
            } else if (waiters.isEmpty()) {
                next = s & ~(STARVING | WAITERS);
            } else if (System.nanoTime() - n.since <= STARVATION_NANOS) {
                next = s & ~STARVING;
            } else {
                next = s;
            }
            if (STATE.compareAndSet(this, s, next)) {
                break;
            }
        }
        if (n != null) {
            n.ready(Sudog.GRANTED);
        }
        waitersLock.unlock();
        if (n != null) {
            WaitQueue.wake(n);
        }
    }

    private void clear(int bits) {
        for (;;) {
            int s = state;
            if ((s & bits) == 0 || STATE.compareAndSet(this, s, s & ~bits)) {
                return;
            }
        }
    }
}
