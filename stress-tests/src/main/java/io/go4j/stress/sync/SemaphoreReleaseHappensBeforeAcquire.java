package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.Semaphore;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Go's {@code golang.org/x/sync/semaphore.Weighted}: <em>"Acquire acquires the semaphore with a
 * weight of n, blocking until resources are available"</em>; <em>"Release releases the semaphore
 * with a weight of n."</em> Its implementation serializes both under a mutex, so a release is
 * synchronized before the acquire that takes the weight it freed; and the weight held never
 * exceeds the size.
 *
 * <p>r values are plain fields read after {@code acquire} and counts of what {@code tryAcquire}
 * could take afterwards, to check that no weight was created or lost.
 */
public final class SemaphoreReleaseHappensBeforeAcquire {

    private SemaphoreReleaseHappensBeforeAcquire() {
    }

    /**
     * Size 1, held from the constructor: one actor writes and releases, the other blocks in
     * {@code acquire(1)} until then, reads and releases. Afterwards exactly one unit is free.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "The acquirer saw the write before the release; one unit free at the end.")
    @Outcome(id = "0, 1, 0", expect = FORBIDDEN,
            desc = "acquire returned without the release happening-before it.")
    @Outcome(expect = FORBIDDEN, desc = "Other (weight lost or created).")
    @State
    public static class HandOver {
        final Semaphore sem = new Semaphore(1);
        int x;

        public HandOver() {
            sem.acquire(1);
        }

        @Actor
        public void releaser() {
            x = 1;
            sem.release(1);
        }

        @Actor
        public void acquirer(III_Result r) {
            sem.acquire(1);
            r.r1 = x;
            sem.release(1);
        }

        @Arbiter
        public void remaining(III_Result r) {
            r.r2 = sem.tryAcquire(1) ? 1 : 0;
            r.r3 = sem.tryAcquire(1) ? 1 : 0;
        }
    }

    /**
     * Size 3, two actors each acquiring weight 2: they can never hold it together. Each
     * increments a plain counter while holding its weight (one must read 0, the other 1, as
     * under a mutex). The arbiter then checks that all 3 units are free again, and no more:
     * r4 = {@code tryAcquire(3)} then {@code tryAcquire(1)}, 1 if only the first succeeded.
     */
    @JCStressTest
    @Outcome(id = "0, 1, 2, 1", expect = ACCEPTABLE,
            desc = "Actor 1 held the weight first; actor 2 saw its increment.")
    @Outcome(id = "1, 0, 2, 1", expect = ACCEPTABLE,
            desc = "Actor 2 held the weight first; actor 1 saw its increment.")
    @Outcome(id = "0, 0, 1, 1", expect = FORBIDDEN,
            desc = "Both held weight 2 of 3 at once: an increment was lost.")
    @Outcome(expect = FORBIDDEN, desc = "Other (weight lost or created).")
    @State
    public static class WeightBound {
        final Semaphore sem = new Semaphore(3);
        int counter;

        private int increment() {
            sem.acquire(2);
            int seen = counter;
            counter = seen + 1;
            sem.release(2);
            return seen;
        }

        @Actor
        public void actor1(IIII_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void actor2(IIII_Result r) {
            r.r2 = increment();
        }

        @Arbiter
        public void remaining(IIII_Result r) {
            r.r3 = counter;
            r.r4 = sem.tryAcquire(3) ? (sem.tryAcquire(1) ? 2 : 1) : 0;
        }
    }
}
