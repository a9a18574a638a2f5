package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.stress.Interrupts;
import io.go4j.sync.Mutex;
import io.go4j.sync.RWMutex;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * go4j's interrupt contract for locks: a {@code lock()} interrupted while it waits throws
 * {@code GoInterruptedException}, acquired nothing, and keeps the interrupt status set.
 *
 * <p>Each lock starts held by the state's constructor. One actor blocks in {@code lock()}; the
 * other interrupts it, then releases the lock (the other order would always let the locker in
 * first). The release and the interrupt race for the waiter: either the locker acquired (the
 * arbiter finds the lock held) or it threw (the arbiter finds it free). -1 stands for the exception
 * with the interrupt status set, -2 with it cleared.
 */
public final class InterruptedLockers {

    private InterruptedLockers() {
    }

    /** Mutex: interrupt then {@code unlock()}, against a blocked {@code lock()}. */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "lock() got the mutex; it is still held.")
    @Outcome(id = "-1, 1", expect = ACCEPTABLE,
            desc = "The interrupt ended lock(); the mutex is free.")
    @Outcome(id = "-1, 0", expect = FORBIDDEN,
            desc = "lock() threw but the mutex stayed locked: the unlock was lost.")
    @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "lock() returned but the mutex is free.")
    @Outcome(expect = FORBIDDEN, desc = "Other (-2: interrupt status cleared by the exception).")
    @State
    public static class MutexLock {
        final Mutex mu = new Mutex();
        final Interrupts interrupts = new Interrupts();

        public MutexLock() {
            mu.lock();
        }

        @Actor
        public void locker(II_Result r) {
            r.r1 = interrupts.run(() -> {
                mu.lock();
                return 1;
            });
        }

        @Actor
        public void unlocker() {
            interrupts.interruptTarget();
            mu.unlock();
        }

        @Arbiter
        public void free(II_Result r) {
            r.r2 = mu.tryLock() ? 1 : 0;
        }
    }

    /**
     * RWMutex held by a reader: interrupt then {@code rUnlock()}, against a writer blocked in
     * {@code lock()}. A writer that gave up must let readers in again (its pending mark, which
     * stops new readers, must go).
     */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE,
            desc = "lock() got the write lock; readers stay out.")
    @Outcome(id = "-1, 1", expect = ACCEPTABLE,
            desc = "The interrupt ended lock(); readers get in again.")
    @Outcome(id = "-1, 0", expect = FORBIDDEN,
            desc = "The writer gave up but readers are still kept out.")
    @Outcome(id = "1, 1", expect = FORBIDDEN,
            desc = "A reader got in while the writer holds the lock.")
    @Outcome(expect = FORBIDDEN, desc = "Other (-2: interrupt status cleared by the exception).")
    @State
    public static class RWMutexWriter {
        final RWMutex rw = new RWMutex();
        final Interrupts interrupts = new Interrupts();

        public RWMutexWriter() {
            rw.rLock();
        }

        @Actor
        public void writer(II_Result r) {
            r.r1 = interrupts.run(() -> {
                rw.lock();
                return 1;
            });
        }

        @Actor
        public void reader() {
            interrupts.interruptTarget();
            rw.rUnlock();
        }

        @Arbiter
        public void readable(II_Result r) {
            r.r2 = rw.tryRLock() ? 1 : 0;
        }
    }

    /**
     * RWMutex held by a writer: interrupt then {@code unlock()}, against a reader blocked in
     * {@code rLock()}. The arbiter asks for the write lock, which is free only if the reader
     * gave up.
     */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "rLock() got a read lock; writers stay out.")
    @Outcome(id = "-1, 1", expect = ACCEPTABLE,
            desc = "The interrupt ended rLock(); the lock is free.")
    @Outcome(id = "-1, 0", expect = FORBIDDEN, desc = "rLock() threw but the lock is not free.")
    @Outcome(id = "1, 1", expect = FORBIDDEN,
            desc = "A writer got in while the reader holds the lock.")
    @Outcome(expect = FORBIDDEN, desc = "Other (-2: interrupt status cleared by the exception).")
    @State
    public static class RWMutexReader {
        final RWMutex rw = new RWMutex();
        final Interrupts interrupts = new Interrupts();

        public RWMutexReader() {
            rw.lock();
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = interrupts.run(() -> {
                rw.rLock();
                return 1;
            });
        }

        @Actor
        public void writer() {
            interrupts.interruptTarget();
            rw.unlock();
        }

        @Arbiter
        public void free(II_Result r) {
            r.r2 = rw.tryLock() ? 1 : 0;
        }
    }
}
