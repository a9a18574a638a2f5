package io.go4j.stress.select;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.ChanClosedException;
import io.go4j.Received;
import io.go4j.Select;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go spec: a receive case on a closed channel is ready (it yields {@code (zero, false)}); a send
 * case on a closed channel panics when chosen; close wakes a blocked select. Go memory model:
 * the close happens-before a receive case that sees the channel closed.
 *
 * <p>These tests race a close against a select that waits on the closed channel and on another
 * one, which the closing actor may feed first.
 */
public final class SelectVersusClose {

    private SelectVersusClose() {
    }

    /**
     * A select receiving from {@code a} and {@code b}; the other actor tries {@code trySend(b, 2)},
     * writes {@code x} and closes {@code a}. Either the select got 2 from {@code b} (the trySend
     * succeeded), or its case on {@code a} saw the channel closed and the write made before
     * close.
     */
    @JCStressTest
    @Outcome(id = "2, 0, 1", expect = ACCEPTABLE,
            desc = "trySend handed 2 to the waiting select (x read before it was written).")
    @Outcome(id = "2, 1, 1", expect = ACCEPTABLE,
            desc = "trySend handed 2 to the waiting select (x read after it was written).")
    @Outcome(id = "-1, 1, 0", expect = ACCEPTABLE,
            desc = "trySend failed; the select saw a closed, and the write made before close.")
    @Outcome(id = "-1, 0, 0", expect = FORBIDDEN,
            desc = "Saw a closed but missed the write made before close.")
    @Outcome(id = "-1, .*, 1", expect = FORBIDDEN,
            desc = "trySend reported success but the select took the closed case: the value was "
                    + "lost.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class ReceiveCases {
        final Chan<Integer> a = Chan.make();
        final Chan<Integer> b = Chan.make();
        int x;

        @Actor
        public void selector(III_Result r) {
            Select.select(
                    Select.recvOk(a, (Integer v, boolean ok) -> {
                        r.r1 = ok ? 100 : -1;
                        r.r2 = x;
                    }),
                    Select.recv(b, (Integer v) -> {
                        r.r1 = v;
                        r.r2 = x;
                    }));
        }

        @Actor
        public void closer(III_Result r) {
            r.r3 = b.trySend(2) ? 1 : 0;
            x = 1;
            a.close();
        }
    }

    /**
     * A select whose only live case sends 1 on {@code a} (the other receives from a channel nobody
     * uses); the other actor tries {@code tryReceive()} on {@code a}, then closes it. Either the
     * send case fired and its value was received, or the select threw {@code send on closed
     * channel} and nothing was received.
     */
    @JCStressTest
    @Outcome(id = "0, 1", expect = ACCEPTABLE,
            desc = "tryReceive took 1 from the waiting select: the send case fired.")
    @Outcome(id = "-1, 0", expect = ACCEPTABLE,
            desc = "tryReceive found nothing; the close made the select throw.")
    @Outcome(id = "-1, 1", expect = FORBIDDEN,
            desc = "The value was received but the select threw.")
    @Outcome(id = "0, 0", expect = FORBIDDEN,
            desc = "The send case fired but nobody received its value.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class SendCase {
        final Chan<Integer> a = Chan.make();
        final Chan<Integer> idle = Chan.make();

        @Actor
        public void selector(II_Result r) {
            try {
                r.r1 = Select.select(Select.send(a, 1), Select.recv(idle));
            } catch (ChanClosedException e) {
                r.r1 = "send on closed channel".equals(e.getMessage()) ? -1 : -2;
            }
        }

        @Actor
        public void closer(II_Result r) {
            Received<Integer> got = a.tryReceive();
            r.r2 = got == null ? 0 : got.ok() ? got.value() : -1;
            a.close();
        }
    }

    /**
     * A select with a default, receiving from {@code a}, against a write of {@code x} and a close
     * of {@code a}: the select takes the default or sees the channel closed, and then the write.
     */
    @JCStressTest
    @Outcome(id = "0, 0", expect = ACCEPTABLE,
            desc = "Default: the close had not happened (x not yet written).")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,
            desc = "Default: the close had not happened (x already written).")
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "Saw a closed and the write made before close.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "Saw a closed but missed the write made before close.")
    @Outcome(expect = FORBIDDEN, desc = "Other (ok=true on a channel nobody sends on).")
    @State
    public static class DefaultCase {
        final Chan<Integer> a = Chan.make();
        int x;

        @Actor
        public void selector(II_Result r) {
            Select.select(
                    Select.recvOk(a, (Integer v, boolean ok) -> {
                        r.r1 = ok ? 2 : 1;
                        r.r2 = x;
                    }),
                    Select.defaultCase(() -> {
                        r.r1 = 0;
                        r.r2 = x;
                    }));
        }

        @Actor
        public void closer() {
            x = 1;
            a.close();
        }
    }
}
