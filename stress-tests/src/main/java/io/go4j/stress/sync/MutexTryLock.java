package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.Mutex;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go's {@code sync.Mutex.TryLock}: <em>"TryLock tries to lock m and reports whether it
 * succeeded."</em> A successful {@code TryLock} is a {@code Lock}: it excludes every other holder
 * and, as a lock, is ordered after the previous unlock (Go memory model: <em>"A successful call to
 * l.TryLock (or l.TryRLock) is equivalent to a call to l.Lock (or l.RLock)."</em>).
 *
 * <p>Checked against a lock/unlock pair (a successful {@code tryLock} sees all of the other
 * critical section or none of it; it may fail only because the other thread holds the mutex) and
 * against another {@code tryLock} on a free mutex (exactly one wins: the loser's CAS can fail only
 * because the winner's succeeded).
 */
public final class MutexTryLock {

    private MutexTryLock() {
    }

    /**
     * One actor locks, writes two fields and unlocks; the other tries to lock and, if it got the
     * mutex, reads both fields and unlocks. r1 is 1 if {@code tryLock} succeeded; r2 and r3 the
     * fields read (-1 when it failed).
     */
    @JCStressTest
    @Outcome(id = "1, 0, 0", expect = ACCEPTABLE,
            desc = "tryLock won before the lock: it saw none of the writes.")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
            desc = "tryLock won after the unlock: it saw both writes.")
    @Outcome(id = "0, -1, -1", expect = ACCEPTABLE,
            desc = "tryLock failed: the other actor held the mutex.")
    @Outcome(id = "1, 1, 0", expect = FORBIDDEN,
            desc = "tryLock got in while the other critical section was running.")
    @Outcome(id = "1, 0, 1", expect = FORBIDDEN,
            desc = "tryLock saw the second write without the first.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class VersusLockUnlock {
        final Mutex mu = new Mutex();
        int a;
        int b;

        @Actor
        public void locker() {
            mu.lock();
            a = 1;
            b = 1;
            mu.unlock();
        }

        @Actor
        public void tryLocker(III_Result r) {
            if (mu.tryLock()) {
                r.r1 = 1;
                r.r2 = a;
                r.r3 = b;
                mu.unlock();
            } else {
                r.r1 = 0;
                r.r2 = -1;
                r.r3 = -1;
            }
        }
    }

    /**
     * Two {@code tryLock}s on a free mutex, neither unlocking; then the arbiter tries a third,
     * which must fail while the winner holds it.
     */
    @JCStressTest
    @Outcome(id = "1, 0, 0", expect = ACCEPTABLE,
            desc = "The first actor won; the mutex stayed locked.")
    @Outcome(id = "0, 1, 0", expect = ACCEPTABLE,
            desc = "The second actor won; the mutex stayed locked.")
    @Outcome(id = "1, 1, 0", expect = FORBIDDEN, desc = "Both tryLocks succeeded: two holders.")
    @Outcome(id = "0, 0, 1", expect = FORBIDDEN, desc = "Both tryLocks failed on a free mutex.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class TwoTryLocks {
        final Mutex mu = new Mutex();

        @Actor
        public void actor1(III_Result r) {
            r.r1 = mu.tryLock() ? 1 : 0;
        }

        @Actor
        public void actor2(III_Result r) {
            r.r2 = mu.tryLock() ? 1 : 0;
        }

        @Arbiter
        public void third(III_Result r) {
            r.r3 = mu.tryLock() ? 1 : 0;
        }
    }
}
