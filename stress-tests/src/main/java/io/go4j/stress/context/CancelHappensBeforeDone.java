package io.go4j.stress.context;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Received;
import io.go4j.context.Context;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go's {@code context}: cancel closes {@code Done()}, and <em>"if Done is closed, Err returns a
 * non-nil error"</em>; Go memory model: the close happens-before a receive that sees the channel
 * closed. go4j's contexts promise the same: {@code err()} is set before {@code done()} is closed.
 *
 * <p>A plain field written before {@code cancel()} must be visible to a thread that saw
 * {@code done()} closed, and so must {@link Context#CANCELED} from {@code err()}: through a
 * {@code tryReceive}, whose {@code done()} call may be the one that creates the channel while the
 * cancel runs; through a blocking {@code receiveOk}; and through the {@code done()} of a child,
 * closed by the parent's cancel.
 *
 * <p>r1: 0 when the receive saw {@code done()} closed, 1 if it reported a value (never sent),
 * 2 if nothing was ready; r2: the field; r3: {@code err()} was {@code CANCELED} (1) or not (0).
 */
public final class CancelHappensBeforeDone {

    private CancelHappensBeforeDone() {
    }

    private static void observe(Received<Void> got, Context ctx, int x, III_Result r) {
        if (got == null) {
            r.r1 = 2;
            r.r2 = -1;
            r.r3 = -1;
        } else {
            r.r1 = got.ok() ? 1 : 0;
            r.r2 = x;
            r.r3 = ctx.err() == Context.CANCELED ? 1 : 0;
        }
    }

    /**
     * {@code done().tryReceive()}: not ready yet, or closed with the write and the error visible.
     */
    @JCStressTest
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE,
            desc = "Saw done() closed, the write made before cancel() and err() == CANCELED.")
    @Outcome(id = "2, -1, -1", expect = ACCEPTABLE,
            desc = "tryReceive ran before cancel(): nothing ready.")
    @Outcome(id = "0, 0, .*", expect = FORBIDDEN,
            desc = "Saw done() closed but missed the write: cancel() does not happen-before it.")
    @Outcome(id = "0, 1, 0", expect = FORBIDDEN,
            desc = "Saw done() closed but err() was not CANCELED.")
    @Outcome(expect = FORBIDDEN, desc = "Other (a value received from done()).")
    @State
    public static class TryReceive {
        final Context.WithCancel wc = Context.withCancel(Context.background());
        int x;

        @Actor
        public void canceler() {
            x = 1;
            wc.cancel().cancel();
        }

        @Actor
        public void observer(III_Result r) {
            observe(wc.ctx().done().tryReceive(), wc.ctx(), x, r);
        }
    }

    /** A blocking {@code done().receiveOk()}: it returns only once cancel() closed the channel. */
    @JCStressTest
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE,
            desc = "Woken by the close; saw the write made before cancel() and err() == CANCELED.")
    @Outcome(id = "0, 0, .*", expect = FORBIDDEN,
            desc = "Saw done() closed but missed the write: cancel() does not happen-before it.")
    @Outcome(id = "0, 1, 0", expect = FORBIDDEN,
            desc = "Saw done() closed but err() was not CANCELED.")
    @Outcome(expect = FORBIDDEN, desc = "Other (a value received from done()).")
    @State
    public static class ReceiveOk {
        final Context.WithCancel wc = Context.withCancel(Context.background());
        int x;

        @Actor
        public void canceler() {
            x = 1;
            wc.cancel().cancel();
        }

        @Actor
        public void observer(III_Result r) {
            observe(wc.ctx().done().receiveOk(), wc.ctx(), x, r);
        }
    }

    /**
     * The parent is canceled; the observer polls the {@code done()} of a child made before the
     * race. The parent's cancel closes the child's channel too, after setting its error; the write
     * made before the parent's cancel must be visible through the child.
     */
    @JCStressTest
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE,
            desc = "Saw the child done, the write made before the parent's cancel() and err() == "
                    + "CANCELED.")
    @Outcome(id = "2, -1, -1", expect = ACCEPTABLE,
            desc = "tryReceive ran before the cancel reached the child: nothing ready.")
    @Outcome(id = "0, 0, .*", expect = FORBIDDEN,
            desc = "Saw the child done but missed the write made before the parent's cancel().")
    @Outcome(id = "0, 1, 0", expect = FORBIDDEN,
            desc = "Saw the child done but its err() was not CANCELED.")
    @Outcome(expect = FORBIDDEN, desc = "Other (a value received from done()).")
    @State
    public static class ChildTryReceive {
        final Context.WithCancel parent = Context.withCancel(Context.background());
        final Context child = Context.withCancel(parent.ctx()).ctx();
        int x;

        @Actor
        public void canceler() {
            x = 1;
            parent.cancel().cancel();
        }

        @Actor
        public void observer(III_Result r) {
            observe(child.done().tryReceive(), child, x, r);
        }
    }
}
