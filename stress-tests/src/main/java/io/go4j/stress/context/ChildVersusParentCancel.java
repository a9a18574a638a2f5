package io.go4j.stress.context;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Received;
import io.go4j.context.Context;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go's {@code context.WithCancel}: <em>"The returned context's Done channel is closed when the
 * returned cancel function is called or when the parent context's Done channel is closed,
 * whichever happens first"</em>; {@code context.Cause} of a context canceled through its parent
 * is the parent's cause.
 *
 * <p>One actor cancels the parent with a cause while the other derives a child from it and polls
 * the child's {@code done()}. Whether the child was made before the cancel (and is canceled by
 * it), after it (and is born canceled), or while the cancel runs, it must end up done, with
 * {@code err() == CANCELED} and the parent's cause, once both actors returned.
 *
 * <p>r1: the deriving actor saw the child done right away (1) or not (0); r2: the arbiter saw the
 * child's {@code done()} closed; r3: the child's {@code err()} and {@code Context.cause} were
 * {@code CANCELED} and the parent's cause.
 */
@JCStressTest
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE,
        desc = "The child was not done yet when made; the parent's cancel then reached it.")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
        desc = "The child was done as soon as it was made: the parent was canceled already.")
@Outcome(id = ".*, 0, .*", expect = FORBIDDEN,
        desc = "The child of a canceled parent was never done: the cancel missed it.")
@Outcome(id = ".*, 1, 0", expect = FORBIDDEN,
        desc = "The child was done but with the wrong error or cause.")
@Outcome(expect = FORBIDDEN, desc = "Other.")
@State
public class ChildVersusParentCancel {

    static final Exception CAUSE = new Exception("parent's cause");

    final Context.WithCancelCause parent = Context.withCancelCause(Context.background());
    Context child;

    @Actor
    public void canceler() {
        parent.cancel().cancel(CAUSE);
    }

    @Actor
    public void deriver(III_Result r) {
        child = Context.withCancel(parent.ctx()).ctx();
        r.r1 = child.done().tryReceive() != null ? 1 : 0;
    }

    @Arbiter
    public void check(III_Result r) {
        Received<Void> got = child.done().tryReceive();
        r.r2 = got != null && !got.ok() ? 1 : 0;
        r.r3 = child.err() == Context.CANCELED && Context.cause(child) == CAUSE ? 1 : 0;
    }
}
