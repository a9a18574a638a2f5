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
 * Go's {@code sync.Mutex}: <em>"A Mutex is a mutual exclusion lock"</em>; at most one goroutine
 * holds it between a {@code Lock} and the matching {@code Unlock}.
 *
 * <p>Two threads each lock, read a plain counter, store it plus one and unlock. If the critical
 * sections never overlap (and each sees the previous one's store, by "unlock n happens-before
 * lock n+1") one of them reads 0, the other 1, and the counter ends at 2. Both reading the same
 * value means both were inside at once (or the second missed the first's write): an update lost.
 */
@JCStressTest
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE,
        desc = "The first actor locked first; the second saw its increment.")
@Outcome(id = "1, 0, 2", expect = ACCEPTABLE,
        desc = "The second actor locked first; the first saw its increment.")
@Outcome(id = "0, 0, 1", expect = FORBIDDEN,
        desc = "Both read 0: both were inside at once, an increment was lost.")
@Outcome(expect = FORBIDDEN, desc = "Other.")
@State
public class MutexMutualExclusion {

    final Mutex mu = new Mutex();
    int counter;

    private int increment() {
        mu.lock();
        try {
            int seen = counter;
            counter = seen + 1;
            return seen;
        } finally {
            mu.unlock();
        }
    }

    @Actor
    public void actor1(III_Result r) {
        r.r1 = increment();
    }

    @Actor
    public void actor2(III_Result r) {
        r.r2 = increment();
    }

    @Arbiter
    public void total(III_Result r) {
        r.r3 = counter;
    }
}
