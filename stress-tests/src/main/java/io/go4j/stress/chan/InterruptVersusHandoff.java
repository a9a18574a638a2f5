package io.go4j.stress.chan;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.Received;
import io.go4j.Select;
import io.go4j.stress.Interrupts;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * go4j's interrupt contract (DESIGN.md): an interrupted blocking operation throws
 * {@code GoInterruptedException} with the interrupt status still set, and has no effect: an
 * interrupted send delivered nothing, an interrupted receive consumed nothing, an interrupted
 * select chose no case.
 *
 * <p>Each test races an interrupt against a hand-off: the other actor tries a non-blocking
 * counterpart operation and interrupts the blocked actor, in the order that lets both outcomes
 * happen. The hand-off and the interrupt both try to claim the same waiter; exactly one may win.
 * The value must then be accounted for exactly once: received and reported sent, or neither. In the
 * result, -1 stands for {@code GoInterruptedException} with the interrupt status set, -2 for the
 * exception with the status cleared (a contract violation).
 */
public final class InterruptVersusHandoff {

    private InterruptVersusHandoff() {
    }

    /** Unbuffered: a blocked receive against {@code trySend(1)} followed by an interrupt. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "trySend handed 1 to the waiting receiver; the interrupt came too late.")
    @Outcome(id = "-1, 0", expect = ACCEPTABLE,
            desc = "trySend found no receiver; the interrupt ended the receive.")
    @Outcome(id = "-1, 1", expect = FORBIDDEN,
            desc = "trySend reported success but the receiver threw: the value was lost.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "The receiver got a value whose trySend reported failure.")
    @Outcome(expect = FORBIDDEN, desc = "Other (-2: interrupt status cleared by the exception).")
    @State
    public static class Receiver {
        final Chan<Integer> ch = Chan.make();
        final Interrupts interrupts = new Interrupts();

        @Actor
        public void receiver(II_Result r) {
            r.r1 = interrupts.run(ch::receive);
        }

        @Actor
        public void sender(II_Result r) {
            r.r2 = ch.trySend(1) ? 1 : 0;
            interrupts.interruptTarget();
        }
    }

    /** Unbuffered: a blocked send against {@code tryReceive()} followed by an interrupt. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "tryReceive took 1 from the waiting sender; the interrupt came too late.")
    @Outcome(id = "-1, 0", expect = ACCEPTABLE,
            desc = "tryReceive found no sender; the interrupt ended the send.")
    @Outcome(id = "-1, 1", expect = FORBIDDEN, desc = "The value was received but the send threw.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "The send returned but nobody received its value.")
    @Outcome(expect = FORBIDDEN, desc = "Other (-2: interrupt status cleared by the exception).")
    @State
    public static class Sender {
        final Chan<Integer> ch = Chan.make();
        final Interrupts interrupts = new Interrupts();

        @Actor
        public void sender(II_Result r) {
            r.r1 = interrupts.run(() -> {
                ch.send(1);
                return 1;
            });
        }

        @Actor
        public void receiver(II_Result r) {
            Received<Integer> got = ch.tryReceive();
            r.r2 = got == null ? 0 : got.value();
            interrupts.interruptTarget();
        }
    }

    /**
     * Capacity 1, full (it holds 0): a blocked {@code send(1)} against an interrupt followed by a
     * {@code tryReceive()}, which takes the 0 and moves a waiting sender's 1 into the freed slot.
     * (The other order would always let the send through: the freed slot takes it.) The arbiter
     * then looks in the buffer: 1 is there exactly when the send returned.
     */
    @JCStressTest
    @Outcome(id = "1, 0, 1", expect = ACCEPTABLE,
            desc = "The send got its 1 into the buffer before the interrupt could end it.")
    @Outcome(id = "-1, 0, 0", expect = ACCEPTABLE,
            desc = "The interrupt ended the waiting send; nothing buffered.")
    @Outcome(id = "-1, 0, 1", expect = FORBIDDEN,
            desc = "The send threw but its value was buffered.")
    @Outcome(id = "1, 0, 0", expect = FORBIDDEN, desc = "The send returned but its value is gone.")
    @Outcome(expect = FORBIDDEN, desc = "Other (tryReceive did not get the buffered 0, or -2).")
    @State
    public static class BufferedSender {
        final Chan<Integer> ch = Chan.make(1);
        final Interrupts interrupts = new Interrupts();

        public BufferedSender() {
            ch.send(0);
        }

        @Actor
        public void sender(III_Result r) {
            r.r1 = interrupts.run(() -> {
                ch.send(1);
                return 1;
            });
        }

        @Actor
        public void receiver(III_Result r) {
            interrupts.interruptTarget();
            Received<Integer> got = ch.tryReceive();
            r.r2 = got == null ? -1 : got.value();
        }

        @Arbiter
        public void rest(III_Result r) {
            Received<Integer> got = ch.tryReceive();
            r.r3 = got == null ? 0 : got.value();
        }
    }

    /**
     * A select blocked on two unbuffered channels against {@code trySend(b, 2)} followed by an
     * interrupt: either the case on {@code b} fired with 2, or the select threw and chose no case.
     */
    @JCStressTest
    @Outcome(id = "2, 1", expect = ACCEPTABLE,
            desc = "trySend handed 2 to the waiting select; the interrupt came too late.")
    @Outcome(id = "-1, 0", expect = ACCEPTABLE,
            desc = "trySend found no receiver; the interrupt ended the select.")
    @Outcome(id = "-1, 1", expect = FORBIDDEN,
            desc = "trySend reported success but the select threw: the value was lost.")
    @Outcome(expect = FORBIDDEN, desc = "Other (a case fired without a value sent, or -2).")
    @State
    public static class SelectReceiver {
        final Chan<Integer> a = Chan.make();
        final Chan<Integer> b = Chan.make();
        final Interrupts interrupts = new Interrupts();

        @Actor
        public void selector(II_Result r) {
            int[] got = {0};
            r.r1 = interrupts.run(() -> {
                Select.select(
                        Select.recv(a, (Integer v) -> got[0] = 10 + v),
                        Select.recv(b, (Integer v) -> got[0] = v));
                return got[0];
            });
        }

        @Actor
        public void sender(II_Result r) {
            r.r2 = b.trySend(2) ? 1 : 0;
            interrupts.interruptTarget();
        }
    }
}
