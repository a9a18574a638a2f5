package io.go4j.stress.context;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.context.Context;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go's {@code context}: canceling a context cancels its children, and a cancel function may be
 * called from several goroutines at once. In Go, the call that loses the race waits on the
 * context's lock, which the winner holds while it cancels the children, so whichever call comes
 * second, the children are done once it returns.
 *
 * <p>Two actors cancel the same parent, then check its child; the arbiter checks the child again.
 * The winning call must reach the child before it returns, so one actor at least, and the
 * arbiter, find it done. go4j's losing call returns at once, possibly while the winner is still
 * canceling the children, so the loser may find the child not done yet. Go's code never shows
 * that outcome; it is marked interesting, not forbidden, until the core settles whether a losing
 * call must wait as Go's does ({@code Context}'s Javadoc says a cancel cancels the descendants
 * before it returns, and that only the first call has an effect).
 *
 * <p>r1, r2: each actor saw the child's {@code err()} set after its own cancel; r3: the arbiter
 * saw it.
 */
@JCStressTest
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "Both cancels returned with the child done.")
@Outcome(id = ".*, 0", expect = FORBIDDEN, desc = "The parent's cancel never reached the child.")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE_INTERESTING, desc = "The first actor's cancel lost and returned before the winner reached the child (Go waits).")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE_INTERESTING, desc = "The second actor's cancel lost and returned before the winner reached the child (Go waits).")
@Outcome(expect = FORBIDDEN, desc = "Other (both cancels returned before the child was done).")
@State
public class ConcurrentCancelsReachChild {

    final Context.WithCancel parent = Context.withCancel(Context.background());
    final Context child = Context.withCancel(parent.ctx()).ctx();

    private int childDone() {
        return child.err() != null ? 1 : 0;
    }

    @Actor
    public void first(III_Result r) {
        parent.cancel().cancel();
        r.r1 = childDone();
    }

    @Actor
    public void second(III_Result r) {
        parent.cancel().cancel();
        r.r2 = childDone();
    }

    @Arbiter
    public void check(III_Result r) {
        r.r3 = childDone();
    }
}
