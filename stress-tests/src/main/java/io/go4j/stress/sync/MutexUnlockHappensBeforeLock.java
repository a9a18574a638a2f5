package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.Mutex;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Go memory model: <em>"For any sync.Mutex or sync.RWMutex variable l and n &lt; m, call n of
 * l.Unlock() is synchronized before call m of l.Lock() returns."</em>
 *
 * <p>A plain field written <em>before</em> one thread's lock/unlock pair must be visible to a
 * thread that reads it <em>after</em> its own, later, lock/unlock pair: the write is ordered
 * before the first unlock, which is ordered before the second lock returns. Checked with the two
 * lock/unlock pairs racing (the mutex mostly taken by a CAS or after a short spin) and with the
 * second locker blocked until another thread unlocks a mutex locked in the constructor (Go
 * allows unlocking from another goroutine; the waiter is woken or handed the lock).
 */
public final class MutexUnlockHappensBeforeLock {

    private MutexUnlockHappensBeforeLock() {
    }

    /**
     * Two racing lock/unlock pairs. The first actor writes {@code x} before its pair and sets
     * {@code flag} inside; the second reads {@code flag} inside its pair and {@code x} after. If
     * it saw the flag, the first pair came first, so it must see {@code x} too.
     */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "The writer's pair came first; its earlier write is visible.")
    @Outcome(id = "0, 0", expect = ACCEPTABLE,
            desc = "The reader's pair came first (x read racily, not yet written).")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,
            desc = "The reader's pair came first (x read racily, already written).")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "Saw the flag set in the earlier critical section but not the write before it.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class Racing {
        final Mutex mu = new Mutex();
        int x;
        int flag;

        @Actor
        public void writer() {
            x = 1;
            mu.lock();
            flag = 1;
            mu.unlock();
        }

        @Actor
        public void reader(II_Result r) {
            mu.lock();
            r.r1 = flag;
            mu.unlock();
            r.r2 = x;
        }
    }

    /**
     * The mutex is locked in the constructor; one actor writes {@code x} and unlocks it, the
     * other blocks in {@code lock()} until then and must see the write.
     */
    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE,
            desc = "The locker saw the write made before the unlock.")
    @Outcome(id = "0", expect = FORBIDDEN,
            desc = "lock() returned without the unlock happening-before it.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class BlockedLocker {
        final Mutex mu = new Mutex();
        int x;

        public BlockedLocker() {
            mu.lock();
        }

        @Actor
        public void unlocker() {
            x = 1;
            mu.unlock();
        }

        @Actor
        public void locker(I_Result r) {
            mu.lock();
            r.r1 = x;
            mu.unlock();
        }
    }
}
