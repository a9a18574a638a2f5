package io.go4j.sync;

import io.go4j.GoInterruptedException;
import io.go4j.internal.runtime.CarrierPool;
import io.go4j.internal.runtime.Goroutines;
import io.go4j.internal.runtime.WaitReason;
import io.go4j.internal.sync.Spin;
import io.go4j.internal.sync.WaitList;
import io.go4j.internal.sync.WaitNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A reader/writer mutual exclusion lock: Go's {@code sync.RWMutex}.
 *
 * <p>Any number of readers or one writer may hold it. It prefers writers: once a {@link #lock()}
 * is waiting, new {@link #rLock()}s block until that writer has had its turn, so a stream of
 * readers cannot starve a writer; the readers that queued behind a writer are all let in when it
 * unlocks, before the next writer, so writers cannot starve readers either. As in Go, a reader
 * must not {@code rLock} again while it holds a read lock (a writer may have queued in
 * between: deadlock). Neither lock is tied to a thread. Unlock happens-before the next lock or
 * rLock returns; rUnlock happens-before the lock that waited for it returns.
 *
 * <h2>Algorithm</h2>
 * Go's {@code sync/rwmutex.go} builds on a Mutex plus two semaphores and a reader count. go4j
 * folds the same rules into one int, so that each uncontended operation is a single CAS:
 * <ul>
 *   <li>the low 28 bits count the readers that hold the lock;
 *   <li>{@code WRITER}: one writer owns the writer slot, either waiting for the readers already
 *       in to leave (pending) or, once the count is 0, holding the lock;
 *   <li>{@code WRITERS_WAITING} / {@code READERS_WAITING}: a wait list is not empty.
 * </ul>
 * A reader gets in by incrementing the count while {@code WRITER} is clear; otherwise it queues.
 * A writer takes the slot by setting {@code WRITER} (which stops new readers) and then waits for
 * the count to reach 0; the reader that brings it to 0 unparks it. A writer that finds the slot
 * taken queues. Unlocking the writer (or a pending writer giving up when interrupted) lets all
 * queued readers in at once and hands the slot to the oldest queued writer, in one CAS.
 *
 * <p>Both sides mostly wait for something that takes a few instructions (a read or write
 * section), while a park and unpark take microseconds. So before blocking, each waiter spins a
 * few rounds where {@link Spin} allows it: a reader that finds {@code WRITER} set, or a writer
 * that finds the slot taken, retries the one-CAS path before it queues, unless writers are queued
 * already (the slot goes to them next); that is the same as arriving a little later, so writer
 * preference is kept. A pending writer watches the reader count before it parks; a queued waiter
 * watches for its grant (see {@link WaitNode#park}).
 *
 * <p>Invariants: a waiting flag is set exactly while its list is not empty, and either waiting
 * flag implies {@code WRITER}; the flags and lists change only under the lock of
 * {@link #readers}, which guards both lists. So an unlocker whose plain CAS back to 0 succeeds
 * knows nobody waits.
 */
public final class RWMutex implements Locker {

    static final int READERS = (1 << 28) - 1;
    static final int WRITER = 1 << 28;
    static final int WRITERS_WAITING = 1 << 29;
    static final int READERS_WAITING = 1 << 30;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(RWMutex.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Reader count and flags, see the class comment. */
    private volatile int state;
    /**
     * The pending writer, unparked by the last reader out. Read only by that reader, so it needs
     * to be right only while {@code WRITER} is set with readers in; it is written before setting
     * {@code WRITER} where that may be so ({@link #lockSlow}, {@link #passOn}). The fast path
     * {@link #lock()} leaves it stale: it sets {@code WRITER} only from 0, and no reader gets in
     * while {@code WRITER} is set, so nobody reads it during that writer's turn.
     */
    private volatile Thread writer;
    /** Queued readers. Its lock guards both lists and the waiting flags. */
    private final WaitList readers = new WaitList();
    /** Queued writers, oldest first. Guarded by the lock of {@link #readers}. */
    private final WaitList writers = new WaitList();
    private final Locker rlocker = new ReadLocker();
    private final Held held = this::unlock;
    private final Held rHeld = this::rUnlock;

    /** Creates an unlocked RWMutex: Go's {@code var rw sync.RWMutex}. */
    public RWMutex() {
    }

    /**
     * Locks for reading: Go's {@code RWMutex.RLock}. Blocks while a writer holds the lock or
     * waits for it.
     *
     * @throws GoInterruptedException if the thread is interrupted while it must wait; nothing was
     *     acquired and the interrupt status is still set
     */
    public void rLock() {
        int s = state;
        if ((s & (WRITER | READERS)) >= READERS || !STATE.compareAndSet(this, s, s + 1)) {
            rLockSlow();
        }
    }

    /**
     * Read-locks if that is possible now: Go's {@code RWMutex.TryRLock}. Never blocks.
     *
     * @return true if this call read-locked it
     */
    public boolean tryRLock() {
        for (;;) {
            int s = state;
            if ((s & WRITER) != 0) {
                return false;
            }
            checkReaders(s);
            if (STATE.compareAndSet(this, s, s + 1)) {
                return true;
            }
        }
    }

    /**
     * Undoes one {@link #rLock()}: Go's {@code RWMutex.RUnlock}.
     *
     * @throws IllegalStateException {@code sync: RUnlock of unlocked RWMutex} if no reader holds it
     */
    public void rUnlock() {
        for (;;) {
            int s = state;
            if ((s & READERS) == 0) {
                throw new IllegalStateException("sync: RUnlock of unlocked RWMutex");
            }
            if (STATE.compareAndSet(this, s, s - 1)) {
                if ((s & (WRITER | READERS)) == (WRITER | 1)) {
                    CarrierPool.unparkForRunningReleaser(writer); // last reader out lets the pending writer in
                }
                return;
            }
        }
    }

    /**
     * Locks for writing: Go's {@code RWMutex.Lock}. Blocks until no reader or writer holds it;
     * from the moment it starts waiting, new readers block.
     *
     * @throws GoInterruptedException if the thread is interrupted while it must wait; nothing was
     *     acquired (blocked readers are let in again) and the interrupt status is still set
     */
    @Override
    public void lock() {
        if (!STATE.compareAndSet(this, 0, WRITER)) {
            lockSlow();
        }
    }

    /**
     * Write-locks if no reader or writer holds it now: Go's {@code RWMutex.TryLock}. Never
     * blocks.
     *
     * @return true if this call locked it
     */
    public boolean tryLock() {
        return STATE.compareAndSet(this, 0, WRITER);
    }

    /**
     * Undoes {@link #lock()}: Go's {@code RWMutex.Unlock}. Any thread may unlock it.
     *
     * @throws IllegalStateException {@code sync: Unlock of unlocked RWMutex} if no writer holds it
     */
    @Override
    public void unlock() {
        if (!STATE.compareAndSet(this, WRITER, 0)) {
            unlockSlow();
        }
    }

    /**
     * Returns a {@link Locker} whose {@code lock}/{@code unlock} are {@link #rLock()} and
     * {@link #rUnlock()}: Go's {@code RWMutex.RLocker}. Always the same object.
     *
     * @return the read-side locker
     */
    public Locker rLocker() {
        return rlocker;
    }

    /**
     * Write-locks and returns a handle that unlocks when closed, for try-with-resources (Go's
     * {@code rw.Lock(); defer rw.Unlock()}). No allocation.
     *
     * @return the handle
     * @throws GoInterruptedException as {@link #lock()}
     */
    @Override
    public Held locked() {
        lock();
        return held;
    }

    /**
     * Read-locks and returns a handle that read-unlocks when closed, for try-with-resources (Go's
     * {@code rw.RLock(); defer rw.RUnlock()}). No allocation.
     *
     * @return the handle
     * @throws GoInterruptedException as {@link #rLock()}
     */
    public Held rLocked() {
        rLock();
        return rHeld;
    }

    @Override
    public String toString() {
        int s = state;
        return "RWMutex[readers=" + (s & READERS) + ((s & WRITER) != 0 ? ", writer" : "") + "]";
    }

    // ---- slow paths ----

    private static void checkReaders(int s) {
        if ((s & READERS) == READERS) {
            throw new IllegalStateException("sync: too many RWMutex readers");
        }
    }

    private void rLockSlow() {
        for (int round = 0; ; ) {
            int s = state;
            if ((s & WRITER) == 0) {
                checkReaders(s);
                if (STATE.compareAndSet(this, s, s + 1)) {
                    return;
                }
                continue;
            }
            if ((s & WRITERS_WAITING) == 0 && Spin.spinOnce(round++, this::writerTurnOver)) {
                continue; // the writer may be about to leave, with no other writer to take over
            }
            readers.lock();
            s = state;
            if ((s & WRITER) == 0 || !STATE.compareAndSet(this, s, s | READERS_WAITING)) {
                readers.unlock(); // the writer left, or the state moved: look again
                continue;
            }
            WaitNode node = new WaitNode(0);
            readers.addLast(node);
            readers.unlock();
            if (node.park(this, WaitReason.SYNC_RWMUTEX_RLOCK) == WaitNode.WAITING) {
                cancel(node, readers, READERS_WAITING); // returns only if let in meanwhile
            }
            return; // the writer counted this reader in when it let it in
        }
    }

    private void lockSlow() {
        for (int round = 0; ; ) {
            int s = state;
            if (s == 0) {
                if (STATE.compareAndSet(this, 0, WRITER)) {
                    return;
                }
            } else if ((s & (WRITER | WRITERS_WAITING)) != WRITER
                    || !Spin.spinOnce(round++, this::writerTurnOver)) {
                break; // readers only (take the slot, wait for them), writers queued, or spun out
            }
        }
        Thread me = Thread.currentThread();
        readers.lock();
        for (;;) {
            int s = state;
            if ((s & WRITER) == 0) {
                writer = me;
                if (STATE.compareAndSet(this, s, s | WRITER)) {
                    readers.unlock();
                    awaitReaders();
                    return;
                }
            } else if (STATE.compareAndSet(this, s, s | WRITERS_WAITING)) {
                break;
            }
        }
        WaitNode node = new WaitNode(0);
        writers.addLast(node);
        readers.unlock();
        if (node.park(this, WaitReason.SYNC_RWMUTEX_LOCK) == WaitNode.WAITING) {
            cancel(node, writers, WRITERS_WAITING);
        }
        awaitReaders(); // the slot was handed over: wait for the readers that are still in
    }

    /** Interrupted while queued: leaves {@code list} and throws, unless let in meanwhile. */
    private void cancel(WaitNode node, WaitList list, int flag) {
        readers.lock();
        if (node.state != WaitNode.WAITING) {
            readers.unlock();
            return;
        }
        list.remove(node);
        if (list.isEmpty()) {
            for (int s; !STATE.compareAndSet(this, s = state, s & ~flag); ) {
                // retry: readers may be leaving
            }
        }
        readers.unlock();
        throw new GoInterruptedException();
    }

    /** Owns the writer slot: spins a little, then parks, until the readers that were in left. */
    private void awaitReaders() {
        for (int round = 0; !readersOut() && Spin.spinOnce(round, this::readersOut); round++) {
            // the last reader may be about to leave
        }
        if (!Goroutines.parkUntil(this, WaitReason.SYNC_RWMUTEX_LOCK, this::readersOut)) {
            abandon();
        }
    }

    /** What a pending writer waits for: the readers that were in have all left. */
    private boolean readersOut() {
        return (state & READERS) == 0;
    }

    /**
     * What a spinning newcomer waits for while a writer owns the slot: the slot free again, or
     * writers queued for it (then the newcomer would wait a whole further turn: no use spinning).
     */
    private boolean writerTurnOver() {
        return (state & (WRITER | WRITERS_WAITING)) != WRITER;
    }

    /** A pending writer was interrupted: gives the slot up and throws, unless it got the lock. */
    private void abandon() {
        readers.lock();
        if ((state & READERS) == 0) {
            readers.unlock();
            return; // the last reader left meanwhile: the lock is ours
        }
        passOn();
        throw new GoInterruptedException();
    }

    private void unlockSlow() {
        int s = state;
        if ((s & (WRITER | READERS)) != WRITER) {
            throw new IllegalStateException("sync: Unlock of unlocked RWMutex");
        }
        readers.lock();
        passOn();
    }

    /**
     * Lock of {@link #readers} held, writer slot owned: lets every queued reader in, hands the
     * slot to the oldest queued writer if any, and releases the lock.
     */
    private void passOn() {
        int admitted = readers.size();
        WaitNode next = writers.poll();
        if (next != null) {
            writer = next.thread;
        }
        for (;;) {
            int s = state;
            int n = (s & READERS) + admitted;
            if (next != null) {
                n |= WRITER;
            }
            if (!writers.isEmpty()) {
                n |= WRITERS_WAITING;
            }
            if (STATE.compareAndSet(this, s, n)) {
                break;
            }
        }
        WaitNode chain = readers.grantAll(WaitNode.GRANTED);
        if (next != null) {
            next.grant(WaitNode.GRANTED);
        }
        readers.unlock();
        WaitList.unparkAll(chain);
        if (next != null) {
            CarrierPool.unparkForRunningReleaser(next.thread);
        }
    }

    /** {@link #rLocker()}: the read side as a {@link Locker}. */
    private final class ReadLocker implements Locker {

        @Override
        public void lock() {
            rLock();
        }

        @Override
        public void unlock() {
            rUnlock();
        }

        @Override
        public Held locked() {
            return rLocked();
        }

        @Override
        public String toString() {
            return "rLocker of " + RWMutex.this;
        }
    }
}
