package io.go4j.sync;

import io.go4j.GoInterruptedException;
import io.go4j.internal.race.Race;
import io.go4j.internal.runtime.Goroutines;
import io.go4j.internal.runtime.Spin;
import io.go4j.internal.runtime.SpinLock;
import io.go4j.internal.runtime.Sudog;
import io.go4j.internal.runtime.WaitQueue;
import io.go4j.internal.runtime.WaitReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A reader/writer mutual exclusion lock: Go's {@code sync.RWMutex}.
 *
 * <p>Any number of readers or one writer may hold it. It prefers writers: once a {@link #lock()}
 * waits for the readers in to leave, new {@link #rLock()}s block until that writer has had its
 * turn (writers queued behind it wait on their own mutex, as in Go), so a stream of
 * readers cannot starve a writer; the readers that queued behind a writer are all let in when it
 * unlocks, before the next writer, so writers cannot starve readers either. As in Go, a reader
 * must not {@code rLock} again while it holds a read lock (a writer may have queued in
 * between: deadlock). Neither lock is tied to a thread. Unlock happens-before the next lock or
 * rLock returns; rUnlock happens-before the lock that waited for it returns.
 *
 * <h2>Algorithm (Go's {@code sync/rwmutex.go})</h2>
 * As in Go, writers first take a {@link Mutex} of their own, so that at most one writer at a time
 * deals with the readers, and a reader's way in and out is a single atomic add that cannot fail,
 * however many readers come and go at once. One long holds three fields:
 * <ul>
 *   <li>{@code READERS} (the top 32 bits): readers in, each counted by its own add;
 *   <li>{@code WRITER} (bit 0): the writer that holds the writers' mutex has claimed the lock.
 *       It is pending while readers are still in and holds the lock once they are 0;
 *   <li>{@code QUEUED} (the bits between): readers that arrived after {@code WRITER} was set and
 *       wait for that writer's turn to end.
 * </ul>
 * A reader adds one to {@code READERS}. If the add finds {@code WRITER} clear, the reader is in.
 * Otherwise it moves its one from {@code READERS} to {@code QUEUED} (one CAS, which finds the
 * writer gone if it left meanwhile: then the reader is in after all) and waits for a permit.
 * A writer sets {@code WRITER} with an add and waits until {@code READERS} is 0; whichever reader
 * brings it to 0, leaving or moving to the queue, wakes the writer if it parked. Unlocking the
 * writer (or a pending writer giving up when interrupted) clears {@code WRITER} and moves
 * {@code QUEUED} into {@code READERS} in one CAS, counting the queued readers in before the next
 * writer can set {@code WRITER}; then it releases one permit per reader so counted, and then the
 * writers' mutex.
 *
 * <p>The permits work like Go's reader semaphore: a release grants the queued readers in
 * {@link #readers}, oldest first, and banks what is left in {@link #permits} for readers on
 * their way to the queue. Readers are interchangeable: a reader that moved to the queue during a
 * later writer's turn may take a permit banked for one of an earlier turn; the earlier one is then
 * counted in {@code READERS} while it waits and the later one is in while only counted in
 * {@code QUEUED}. The sums still hold, which is all the writer looks at: readers holding the lock
 * or owed a banked permit are in {@code READERS}, readers waiting are {@code QUEUED} plus the
 * banked permits.
 *
 * <p>Both sides mostly wait for something that takes a few instructions (a read or write
 * section), while a park and unpark take microseconds. So before blocking each waiter spins a
 * few rounds where {@link Spin} allows it: a pending writer watches {@code READERS}, a queued
 * reader watches for a banked permit and then its grant (see {@link Sudog#park}); writers
 * queued on the writers' mutex spin as any {@link Mutex} locker does.
 *
 * <p>Invariants: {@code WRITER} is set only by the holder of {@link #writers}, and cleared only
 * by it or on its behalf; {@code QUEUED} is 0 while {@code WRITER} is clear. {@link #permits}
 * and the queue change only under the lock of {@link #readers}; a permit is banked only while
 * the queue is empty, except that an interrupted reader counted in by an unlocker whose release
 * has not come yet takes its permit in advance, leaving {@link #permits} at -1 until it comes.
 */
public final class RWMutex implements Locker {

    private static final long WRITER = 1L;
    private static final long QUEUED_ONE = 2L;
    private static final long QUEUED = 0xFFFF_FFFEL;
    private static final int READERS_SHIFT = 32;
    private static final long READER_ONE = 1L << READERS_SHIFT;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(RWMutex.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code QUEUED | WRITER | READERS}, see the class comment. */
    private volatile long state;
    /**
     * The pending writer while it is parked, else null. It is written before the writer's last
     * look at {@code READERS}, and a reader that brought {@code READERS} to 0 reads it after its
     * add, so one of the two sees the other.
     */
    private volatile Thread parkedWriter;
    /** Permits released and not yet taken; guarded by the lock of {@link #readers}. */
    private volatile int permits;
    /** Readers waiting for a permit, oldest first. */
    private final SpinLock readersLock = new SpinLock();
    private final WaitQueue readers = new WaitQueue();
    /** Go's {@code RWMutex.w}: the writers, one at a time. */
    private final Mutex writers = new Mutex(this);
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
        long s = (long) STATE.getAndAdd(this, READER_ONE);
        if ((s & WRITER) != 0) {
            rLockSlow();
        }
        if (Race.ENABLED) {
            Race.acquire(this);
        }
    }

    /**
     * Read-locks if that is possible now: Go's {@code RWMutex.TryRLock}. Never blocks.
     *
     * @return true if this call read-locked it
     */
    public boolean tryRLock() {
        for (;;) {
            long s = state;
            if ((s & WRITER) != 0) {
                return false;
            }
            if (STATE.compareAndSet(this, s, s + READER_ONE)) {
                if (Race.ENABLED) {
                    Race.acquire(this);
                }
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
        if (Race.ENABLED) {
            Race.releaseRead(this);
        }
        long s = (long) STATE.getAndAdd(this, -READER_ONE);
        if (readers(s) == 0) {
            // Misuse. The count, in the top bits, wrapped round without touching the others, and
            // meanwhile looked like very many readers: harmless (a writer waits a little longer).
            STATE.getAndAdd(this, READER_ONE);
            throw new IllegalStateException("sync: RUnlock of unlocked RWMutex");
        }
        if ((s & WRITER) != 0 && readers(s) == 1) {
            wakeWriter(); // the last reader out lets the pending writer in
        }
    }

    /**
     * Locks for writing: Go's {@code RWMutex.Lock}. Blocks until no reader or writer holds it;
     * from the moment it starts waiting for readers to leave, new readers block.
     *
     * @throws GoInterruptedException if the thread is interrupted while it must wait; nothing was
     *     acquired (blocked readers are let in again) and the interrupt status is still set
     */
    @Override
    public void lock() {
        writers.lock();
        long s = (long) STATE.getAndAdd(this, WRITER);
        if (readers(s) != 0) {
            awaitReaders();
        }
        if (Race.ENABLED) {
            Race.acquire(this);
            Race.acquireRead(this);
        }
    }

    /**
     * Write-locks if no reader or writer holds it now: Go's {@code RWMutex.TryLock}. Never
     * blocks. As in Go, it takes the writers' mutex first, so it also fails while another
     * writer holds that mutex on its way in or out: between {@code lock()} taking it and
     * claiming the lock, or between {@code unlock()} letting readers in and releasing it.
     *
     * @return true if this call locked it
     */
    public boolean tryLock() {
        if (!writers.tryLock()) {
            return false;
        }
        if (STATE.compareAndSet(this, 0L, WRITER)) {
            if (Race.ENABLED) {
                Race.acquire(this);
                Race.acquireRead(this);
            }
            return true;
        }
        writers.unlock();
        return false;
    }

    /**
     * Undoes {@link #lock()}: Go's {@code RWMutex.Unlock}. Any thread may unlock it.
     *
     * @throws IllegalStateException {@code sync: Unlock of unlocked RWMutex} if no writer holds it
     */
    @Override
    public void unlock() {
        if (Race.ENABLED) {
            Race.release(this);
        }
        if (STATE.compareAndSet(this, WRITER, 0L)) {
            writers.unlock();
        } else {
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
        long s = state;
        return "RWMutex[readers=" + readers(s) + ((s & WRITER) != 0 ? ", writer" : "")
                + ((s & QUEUED) != 0 ? ", queued=" + queued(s) : "") + "]";
    }

    private static long readers(long s) {
        return s >>> READERS_SHIFT;
    }

    private static long queued(long s) {
        return (s & QUEUED) >>> 1;
    }

    // ---- slow paths ----

    /** The add of {@link #rLock()} found {@code WRITER} set: queue, unless it left meanwhile. */
    private void rLockSlow() {
        for (;;) {
            long s = state;
            if ((s & WRITER) == 0) {
                return; // that writer's turn ended: the add counts this reader in
            }
            if (STATE.compareAndSet(this, s, s - READER_ONE + QUEUED_ONE)) {
                if (readers(s) == 1) {
                    wakeWriter(); // this reader's one was the last the pending writer waited for
                }
                awaitPermit();
                return;
            }
        }
    }

    /** Counted in {@code QUEUED}: waits until an unlocker's permit lets this reader in. */
    private void awaitPermit() {
        for (int round = 0; permits <= 0 && Spin.spinOnce(round, this::permitBanked); round++) {
            // the writer may be about to unlock
        }
        readersLock.lock();
        if (permits > 0) {
            permits--;
            readersLock.unlock();
            return;
        }
        Sudog node = new Sudog();
        readers.add(node);
        readersLock.unlock();
        if (node.await(this, WaitReason.SYNC_RWMUTEX_RLOCK) == Sudog.WAITING) {
            withdraw(node);
        }
    }

    private boolean permitBanked() {
        return permits > 0;
    }

    /**
     * Interrupted while queued: leaves the queue and its count, and throws; returns instead if
     * let in meanwhile.
     */
    private void withdraw(Sudog node) {
        readersLock.lock();
        if (!node.cancel()) {
            readersLock.unlock();
            return; // granted
        }
        readers.remove(node);
        for (;;) {
            long s = state;
            if ((s & WRITER) == 0) {
                // An unlocker counted this reader in and is on its way to release the permits:
                // take one of them now, as if granted.
                permits--;
                readersLock.unlock();
                return;
            }
            if (STATE.compareAndSet(this, s, s - QUEUED_ONE)) {
                readersLock.unlock();
                throw new GoInterruptedException();
            }
        }
    }

    /**
     * Holds the writers' mutex, {@code WRITER} set: spins a little, then parks, until readers are
     * out.
     */
    private void awaitReaders() {
        for (int round = 0; !readersOut() && Spin.spinOnce(round, this::readersOut); round++) {
            // the last reader may be about to leave
        }
        if (readersOut()) {
            return;
        }
        parkedWriter = Thread.currentThread();
        boolean in = Goroutines.parkUntil(this, WaitReason.SYNC_RWMUTEX_LOCK, this::readersOut);
        parkedWriter = null;
        if (!in) {
            abandon();
        }
    }

    /** What a pending writer waits for: no reader is in. */
    private boolean readersOut() {
        return readers(state) == 0;
    }

    /** Unparks the pending writer, if it parked. */
    private void wakeWriter() {
        Thread w = parkedWriter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * A pending writer was interrupted: ends its turn unused and throws, unless it got the lock.
     */
    private void abandon() {
        for (;;) {
            long s = state;
            if (readers(s) == 0) {
                return; // the last reader left meanwhile: the lock is ours
            }
            if (STATE.compareAndSet(this, s, openToQueued(s))) {
                endTurn(s);
                throw new GoInterruptedException();
            }
        }
    }

    private void unlockSlow() {
        for (;;) {
            long s = state;
            if ((s & WRITER) == 0) {
                throw new IllegalStateException("sync: Unlock of unlocked RWMutex");
            }
            if (STATE.compareAndSet(this, s, openToQueued(s))) {
                endTurn(s);
                return;
            }
        }
    }

    /** The state after a writer's turn that found {@code s}: the queued readers counted in. */
    private static long openToQueued(long s) {
        return (readers(s) + queued(s)) << READERS_SHIFT;
    }

    /**
     * After the CAS of {@link #openToQueued}: releases a permit to each reader that was queued in
     * {@code s}, granting the queue first and banking the rest, then the writers' mutex.
     */
    private void endTurn(long s) {
        int released = (int) queued(s);
        if (released > 0) {
            readersLock.lock();
            int available = permits + released;
            Sudog chain = null;
            for (; available > 0 && !readers.isEmpty(); available--) {
                chain = readers.readyFirst(Sudog.GRANTED, chain);
            }
            permits = available;
            readersLock.unlock();
            WaitQueue.unparkAll(chain);
        }
        writers.unlock();
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
