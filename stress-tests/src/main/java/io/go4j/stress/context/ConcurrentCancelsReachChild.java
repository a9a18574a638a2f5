package io.go4j.stress.context;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
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
 * Whichever call wins, the child is done by the time either returns: go4j cancels the children
 * with the parent's monitor held, as Go does with {@code c.mu}, so the losing call waits for the
 * winner. (Before that, go4j's losing call returned at once, and this test saw the loser find the
 * child not done in about 5% of the samples.)
 *
 * <p>r1, r2: each actor saw the child's {@code err()} set after its own cancel; r3: the arbiter
 * saw it.
 */
@JCStressTest
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "Both cancels returned with the child done.")
@Outcome(id = ".*, 0", expect = FORBIDDEN, desc = "The parent's cancel never reached the child.")
@Outcome(expect = FORBIDDEN, desc = "A cancel returned before the child was done.")
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
