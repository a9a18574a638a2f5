package io.go4j.stress.context;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.context.Context;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Go's {@code context.CancelCauseFunc}: <em>"Calling it ... sets the cause"</em>; like any cancel
 * function, only the first call has an effect, and {@code context.Cause} of a descendant canceled
 * through it is the same cause.
 *
 * <p>Two actors cancel one context with different causes, each reading {@code Context.cause} of
 * it afterwards; a child was derived before the race. Exactly one cause wins: both actors, and
 * the arbiter reading the child's cause, report the same one, and both contexts say
 * {@code CANCELED}.
 *
 * <p>r1, r2: the cause each actor saw after its own cancel (1 or 2, whose cause it was; 0 none,
 * -1 another); r3: the child's cause; r4: both {@code err()}s were {@code CANCELED}.
 */
@JCStressTest
@Outcome(id = "1, 1, 1, 1", expect = ACCEPTABLE, desc = "The first actor's cause won, everywhere.")
@Outcome(id = "2, 2, 2, 1", expect = ACCEPTABLE, desc = "The second actor's cause won, everywhere.")
@Outcome(expect = FORBIDDEN,
        desc = "The causes disagree, or one is missing, or an err() is not CANCELED.")
@State
public class CancelCauseVersusCancelCause {

    static final Exception FIRST = new Exception("first");
    static final Exception SECOND = new Exception("second");

    final Context.WithCancelCause wc = Context.withCancelCause(Context.background());
    final Context child = Context.withCancel(wc.ctx()).ctx();

    private static int which(Throwable cause) {
        if (cause == null) {
            return 0;
        }
        if (cause == FIRST) {
            return 1;
        }
        return cause == SECOND ? 2 : -1;
    }

    @Actor
    public void first(IIII_Result r) {
        wc.cancel().cancel(FIRST);
        r.r1 = which(Context.cause(wc.ctx()));
    }

    @Actor
    public void second(IIII_Result r) {
        wc.cancel().cancel(SECOND);
        r.r2 = which(Context.cause(wc.ctx()));
    }

    @Arbiter
    public void check(IIII_Result r) {
        r.r3 = which(Context.cause(child));
        r.r4 = wc.ctx().err() == Context.CANCELED && child.err() == Context.CANCELED ? 1 : 0;
    }
}
