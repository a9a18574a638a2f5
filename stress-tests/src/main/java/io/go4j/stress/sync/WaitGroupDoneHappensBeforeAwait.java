package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.WaitGroup;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Go's {@code sync.WaitGroup} doc: <em>"In the terminology of the Go memory model, a call to
 * Done "synchronizes before" the return of any Wait call that it unblocks."</em>
 *
 * <p>Plain fields written before {@code done()} must be visible once {@code await()} returns,
 * whether {@code await} found the counter already at zero (one volatile read) or parked until the
 * last {@code done()} woke it.
 */
public final class WaitGroupDoneHappensBeforeAwait {

    private WaitGroupDoneHappensBeforeAwait() {
    }

    /** Counter 1: one actor writes and calls {@code done()}, the other awaits and reads. */
    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE,
            desc = "await() returned after done() and saw the write before it.")
    @Outcome(id = "0", expect = FORBIDDEN,
            desc = "await() returned without done() happening-before it.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class OneDone {
        final WaitGroup wg = new WaitGroup();
        int x;

        public OneDone() {
            wg.add(1);
        }

        @Actor
        public void worker() {
            x = 1;
            wg.done();
        }

        @Actor
        public void waiter(I_Result r) {
            wg.await();
            r.r1 = x;
        }
    }

    /**
     * Counter 2, used as a barrier: each actor writes its field, calls {@code done()}, awaits and
     * reads the other's field. Whoever's {@code done()} comes last releases the other (parked, or
     * about to find zero); both must see both writes.
     */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "Both awaits returned after both done()s and saw both writes.")
    @Outcome(expect = FORBIDDEN,
            desc = "An await() returned without the other actor's done() happening-before it.")
    @State
    public static class Barrier {
        final WaitGroup wg = new WaitGroup();
        int a;
        int b;

        public Barrier() {
            wg.add(2);
        }

        @Actor
        public void actor1(II_Result r) {
            a = 1;
            wg.done();
            wg.await();
            r.r1 = b;
        }

        @Actor
        public void actor2(II_Result r) {
            b = 1;
            wg.done();
            wg.await();
            r.r2 = a;
        }
    }
}
