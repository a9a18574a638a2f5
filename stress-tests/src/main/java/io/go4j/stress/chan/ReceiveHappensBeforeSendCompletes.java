package io.go4j.stress.chan;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go memory model: <em>"The k-th receive on a channel with capacity C is synchronized before the
 * completion of the k+C-th send from that channel completes"</em> (for C = 0: <em>"A receive from
 * an unbuffered channel is synchronized before the completion of the corresponding send on that
 * channel"</em>).
 *
 * <p>The receiver writes a plain field, then makes the 1st receive; the sender makes C+1 sends
 * and then reads the field. The (C+1)-th send cannot complete before the 1st receive freed a slot
 * (or, for C = 0, took the value), so the sender must see the write. This is the rule that makes
 * a buffered channel usable as a counting semaphore.
 */
public final class ReceiveHappensBeforeSendCompletes {

    private ReceiveHappensBeforeSendCompletes() {
    }

    /** C = 0: the receive happens-before the matching send completes. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "The sender saw the write made before the receive.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "The send completed without the receive happening-before it.")
    @Outcome(expect = FORBIDDEN, desc = "Wrong value received.")
    @State
    public static class Unbuffered {
        final Chan<Integer> ch = Chan.make();
        int x;

        @Actor
        public void receiver(II_Result r) {
            x = 1;
            r.r1 = ch.receive();
        }

        @Actor
        public void sender(II_Result r) {
            ch.send(1);
            r.r2 = x;
        }
    }

    /** C = 1: the 1st receive happens-before the 2nd send completes. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "The sender saw the write made before the 1st receive.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "The 2nd send completed without the 1st receive happening-before it.")
    @Outcome(expect = FORBIDDEN, desc = "Wrong value received (not FIFO).")
    @State
    public static class Cap1 {
        final Chan<Integer> ch = Chan.make(1);
        int x;

        @Actor
        public void receiver(II_Result r) {
            x = 1;
            r.r1 = ch.receive();
        }

        @Actor
        public void sender(II_Result r) {
            ch.send(1);
            ch.send(2);
            r.r2 = x;
        }
    }

    /** C = 4: the 1st receive happens-before the 5th send completes. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "The sender saw the write made before the 1st receive.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "The 5th send completed without the 1st receive happening-before it.")
    @Outcome(expect = FORBIDDEN, desc = "Wrong value received (not FIFO).")
    @State
    public static class Cap4 {
        final Chan<Integer> ch = Chan.make(4);
        int x;

        @Actor
        public void receiver(II_Result r) {
            x = 1;
            r.r1 = ch.receive();
        }

        @Actor
        public void sender(II_Result r) {
            for (int i = 1; i <= 5; i++) {
                ch.send(i);
            }
            r.r2 = x;
        }
    }
}
