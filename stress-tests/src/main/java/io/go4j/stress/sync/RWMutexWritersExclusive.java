package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.RWMutex;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go's {@code sync.RWMutex}: <em>"The lock can be held by an arbitrary number of readers or a
 * single writer"</em>; Go memory model: the n'th {@code Unlock} is synchronized before the
 * (n+1)'th {@code Lock} returns.
 *
 * <p>Two writers each lock, read a plain counter, store it plus one and unlock. One must read 0
 * and the other 1, and the counter must end at 2; both reading the same value means both were
 * inside at once.
 */
@JCStressTest
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE,
        desc = "The first writer went first; the second saw its increment.")
@Outcome(id = "1, 0, 2", expect = ACCEPTABLE,
        desc = "The second writer went first; the first saw its increment.")
@Outcome(id = "0, 0, 1", expect = FORBIDDEN,
        desc = "Both read 0: two writers inside at once, an increment was lost.")
@Outcome(expect = FORBIDDEN, desc = "Other.")
@State
public class RWMutexWritersExclusive {

    final RWMutex rw = new RWMutex();
    int counter;

    private int increment() {
        rw.lock();
        try {
            int seen = counter;
            counter = seen + 1;
            return seen;
        } finally {
            rw.unlock();
        }
    }

    @Actor
    public void writer1(III_Result r) {
        r.r1 = increment();
    }

    @Actor
    public void writer2(III_Result r) {
        r.r2 = increment();
    }

    @Arbiter
    public void total(III_Result r) {
        r.r3 = counter;
    }
}
