package io.go4j.stress.select;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.Received;
import io.go4j.Select;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go spec: each select proceeds with exactly one case; with a {@code default} it never waits.
 * Two selects over the same channels must agree: a value a select sent is received by exactly
 * one party or still buffered, and a select reports the communication that really happened.
 */
public final class SelectVersusSelect {

    private SelectVersusSelect() {
    }

    private static int valueOf(Received<Integer> got) {
        if (got == null) {
            return 0;
        }
        return got.ok() ? got.value() : -1;
    }

    /**
     * Unbuffered: a select sending with a default against a select receiving with a default.
     * Neither ever waits, so they can never meet: both take the default.
     */
    @JCStressTest
    @Outcome(id = "2, 2", expect = ACCEPTABLE,
            desc = "Both took the default: two non-blocking selects cannot meet.")
    @Outcome(expect = FORBIDDEN, desc = "A value moved between two selects that never waited.")
    @State
    public static class BothWithDefault {
        final Chan<Integer> a = Chan.make();

        @Actor
        public void sender(II_Result r) {
            r.r1 = Select.select(Select.send(a, 1), Select.recv(null), Select.defaultCase());
        }

        @Actor
        public void receiver(II_Result r) {
            r.r2 = Select.select(Select.recv(a), Select.send(null, 0), Select.defaultCase());
        }
    }

    /**
     * Unbuffered: a blocking select sending 1 on {@code a} or 2 on {@code b} against a select
     * receiving from both with a default, which falls back to a blocking select when it takes the
     * default. The value received is the one whose case fired in the sender.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "The sender was waiting: the non-blocking select took 1 from a.")
    @Outcome(id = "2, 2, 0", expect = ACCEPTABLE,
            desc = "The sender was waiting: the non-blocking select took 2 from b.")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
            desc = "Default first; then the blocking selects met on a.")
    @Outcome(id = "2, 2, 1", expect = ACCEPTABLE,
            desc = "Default first; then the blocking selects met on b.")
    @Outcome(expect = FORBIDDEN, desc = "The selects disagree on the case that fired.")
    @State
    public static class BlockingVersusDefault {
        final Chan<Integer> a = Chan.make();
        final Chan<Integer> b = Chan.make();

        @Actor
        public void sender(III_Result r) {
            r.r1 = 1 + Select.select(Select.send(a, 1), Select.send(b, 2));
        }

        @Actor
        public void receiver(III_Result r) {
            int chosen = Select.select(
                    Select.recv(a, (Integer v) -> r.r2 = v),
                    Select.recv(b, (Integer v) -> r.r2 = v),
                    Select.defaultCase());
            if (chosen == 2) {
                r.r3 = 1;
                Select.select(
                        Select.recv(a, (Integer v) -> r.r2 = v),
                        Select.recv(b, (Integer v) -> r.r2 = v));
            }
        }
    }

    /**
     * Capacity 1, crossed: one select sends 1 on {@code a} or receives from {@code b}, the other
     * sends 2 on {@code b} or receives from {@code a}. Both send cases are ready at once, so
     * either both selects send (the arbiter finds both values buffered), or one sent and the
     * other received that very value (nothing left buffered). 10 stands for "sent".
     */
    @JCStressTest
    @Outcome(id = "10, 10, 1, 2", expect = ACCEPTABLE,
            desc = "Both sent; both values still buffered.")
    @Outcome(id = "10, 1, 0, 0", expect = ACCEPTABLE,
            desc = "The first sent 1 on a; the second received it.")
    @Outcome(id = "2, 10, 0, 0", expect = ACCEPTABLE,
            desc = "The second sent 2 on b; the first received it.")
    @Outcome(expect = FORBIDDEN, desc = "A value lost, duplicated, or reported by the wrong case.")
    @State
    public static class BufferedCrossed {
        final Chan<Integer> a = Chan.make(1);
        final Chan<Integer> b = Chan.make(1);

        @Actor
        public void first(IIII_Result r) {
            Select.select(
                    Select.send(a, 1, () -> r.r1 = 10),
                    Select.recv(b, (Integer v) -> r.r1 = v));
        }

        @Actor
        public void second(IIII_Result r) {
            Select.select(
                    Select.send(b, 2, () -> r.r2 = 10),
                    Select.recv(a, (Integer v) -> r.r2 = v));
        }

        @Arbiter
        public void leftovers(IIII_Result r) {
            r.r3 = valueOf(a.tryReceive());
            r.r4 = valueOf(b.tryReceive());
        }
    }
}
