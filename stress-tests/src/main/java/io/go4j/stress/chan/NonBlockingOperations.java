package io.go4j.stress.chan;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.Received;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go spec, {@code select} with a {@code default}: a non-blocking send or receive proceeds only
 * if the communication can proceed at that moment, and then it is exactly that communication.
 *
 * <p>{@code trySend} / {@code tryReceive} racing with each other or with blocking operations must
 * be consistent: a value is received if and only if its send reported success, no value is
 * received twice, and buffered values stay in FIFO order. On an unbuffered channel two
 * non-blocking operations can never meet (neither waits for the other).
 */
public final class NonBlockingOperations {

    private NonBlockingOperations() {
    }

    private static int valueOf(Received<Integer> got) {
        if (got == null) {
            return 0;
        }
        return got.ok() ? got.value() : -1;
    }

    /**
     * Unbuffered: {@code trySend} against a blocking {@code receive}. If the receiver was already
     * waiting, {@code trySend} delivers 1; otherwise it fails and the sender falls back to a
     * blocking send of 2. The receiver must get the value whose send succeeded.
     */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "The receiver was waiting: trySend delivered 1.")
    @Outcome(id = "2, 2", expect = ACCEPTABLE,
            desc = "trySend failed; the blocking send delivered 2.")
    @Outcome(id = "2, 1", expect = FORBIDDEN,
            desc = "trySend reported failure but its value was received.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class UnbufferedTrySendVersusReceive {
        final Chan<Integer> ch = Chan.make();

        @Actor
        public void sender(II_Result r) {
            if (ch.trySend(1)) {
                r.r1 = 1;
            } else {
                ch.send(2);
                r.r1 = 2;
            }
        }

        @Actor
        public void receiver(II_Result r) {
            r.r2 = ch.receive();
        }
    }

    /**
     * Unbuffered: a blocking {@code send} against {@code tryReceive}, which falls back to a
     * blocking receive when nothing is ready. The value is received exactly once either way.
     */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "The sender was waiting: tryReceive took its value.")
    @Outcome(id = "2, 1", expect = ACCEPTABLE,
            desc = "tryReceive found nothing; the blocking receive got the value.")
    @Outcome(expect = FORBIDDEN, desc = "A wrong value, or a tryReceive that reported closed.")
    @State
    public static class UnbufferedSendVersusTryReceive {
        final Chan<Integer> ch = Chan.make();

        @Actor
        public void sender() {
            ch.send(1);
        }

        @Actor
        public void receiver(II_Result r) {
            Received<Integer> got = ch.tryReceive();
            if (got != null) {
                r.r1 = 1;
                r.r2 = valueOf(got);
            } else {
                r.r1 = 2;
                r.r2 = ch.receive();
            }
        }
    }

    /** Unbuffered: two non-blocking operations never meet. */
    @JCStressTest
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Neither found a waiting counterpart.")
    @Outcome(expect = FORBIDDEN,
            desc = "A non-blocking send met a non-blocking receive on an unbuffered channel.")
    @State
    public static class UnbufferedTrySendVersusTryReceive {
        final Chan<Integer> ch = Chan.make();

        @Actor
        public void sender(II_Result r) {
            r.r1 = ch.trySend(1) ? 1 : 0;
        }

        @Actor
        public void receiver(II_Result r) {
            r.r2 = valueOf(ch.tryReceive());
        }
    }

    /**
     * Capacity 1, empty: {@code trySend} always succeeds; the value is either taken by the racing
     * {@code tryReceive} or left in the buffer for the arbiter, never both, never neither.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "tryReceive came after trySend and took the value.")
    @Outcome(id = "1, 0, 1", expect = ACCEPTABLE,
            desc = "tryReceive came first; the value stayed buffered.")
    @Outcome(id = "1, 0, 0", expect = FORBIDDEN, desc = "The value was lost.")
    @Outcome(id = "1, 1, 1", expect = FORBIDDEN, desc = "The value was received twice.")
    @Outcome(expect = FORBIDDEN, desc = "Other (trySend failed on an empty buffer?).")
    @State
    public static class Cap1TrySendVersusTryReceive {
        final Chan<Integer> ch = Chan.make(1);

        @Actor
        public void sender(III_Result r) {
            r.r1 = ch.trySend(1) ? 1 : 0;
        }

        @Actor
        public void receiver(III_Result r) {
            r.r2 = valueOf(ch.tryReceive());
        }

        @Arbiter
        public void drain(III_Result r) {
            r.r3 = valueOf(ch.tryReceive());
        }
    }

    /**
     * Capacity 1, holding 7: {@code tryReceive} always takes 7 (FIFO); {@code trySend(1)} succeeds
     * if and only if it came after that receive, and then 1 is what the arbiter finds.
     */
    @JCStressTest
    @Outcome(id = "1, 7, 1", expect = ACCEPTABLE,
            desc = "The receive freed the slot first; trySend filled it.")
    @Outcome(id = "0, 7, 0", expect = ACCEPTABLE,
            desc = "trySend found the buffer full; the receive then emptied it.")
    @Outcome(id = "1, 7, 0", expect = FORBIDDEN,
            desc = "trySend reported success but its value was lost.")
    @Outcome(id = "0, 7, 1", expect = FORBIDDEN,
            desc = "trySend reported failure but its value was buffered.")
    @Outcome(expect = FORBIDDEN, desc = "Other (the receive did not get the oldest value).")
    @State
    public static class Cap1FullTrySendVersusTryReceive {
        final Chan<Integer> ch = Chan.make(1);

        public Cap1FullTrySendVersusTryReceive() {
            ch.send(7);
        }

        @Actor
        public void sender(III_Result r) {
            r.r1 = ch.trySend(1) ? 1 : 0;
        }

        @Actor
        public void receiver(III_Result r) {
            r.r2 = valueOf(ch.tryReceive());
        }

        @Arbiter
        public void drain(III_Result r) {
            r.r3 = valueOf(ch.tryReceive());
        }
    }

    /** Capacity 1, empty: of two racing {@code trySend}s exactly one fills the slot. */
    @JCStressTest
    @Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "The first trySend filled the slot.")
    @Outcome(id = "0, 1, 2", expect = ACCEPTABLE, desc = "The second trySend filled the slot.")
    @Outcome(expect = FORBIDDEN,
            desc = "Both or neither succeeded, or the buffer holds the wrong value.")
    @State
    public static class Cap1TwoTrySends {
        final Chan<Integer> ch = Chan.make(1);

        @Actor
        public void first(III_Result r) {
            r.r1 = ch.trySend(1) ? 1 : 0;
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = ch.trySend(2) ? 1 : 0;
        }

        @Arbiter
        public void drain(III_Result r) {
            r.r3 = valueOf(ch.tryReceive());
        }
    }

    /** Capacity 1, holding 7: of two racing {@code tryReceive}s exactly one gets it. */
    @JCStressTest
    @Outcome(id = "7, 0", expect = ACCEPTABLE, desc = "The first tryReceive got the value.")
    @Outcome(id = "0, 7", expect = ACCEPTABLE, desc = "The second tryReceive got the value.")
    @Outcome(id = "7, 7", expect = FORBIDDEN, desc = "The value was received twice.")
    @Outcome(expect = FORBIDDEN, desc = "The value was lost.")
    @State
    public static class Cap1TwoTryReceives {
        final Chan<Integer> ch = Chan.make(1);

        public Cap1TwoTryReceives() {
            ch.send(7);
        }

        @Actor
        public void first(II_Result r) {
            r.r1 = valueOf(ch.tryReceive());
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = valueOf(ch.tryReceive());
        }
    }
}
