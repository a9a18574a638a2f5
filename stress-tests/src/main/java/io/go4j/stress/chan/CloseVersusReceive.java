package io.go4j.stress.chan;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.ChanClosedException;
import io.go4j.Received;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go spec: after {@code close}, receives first return the values still buffered, then
 * {@code (zero, false)}; closing a closed channel panics ({@code close of closed channel}).
 *
 * <p>These tests race receives and closes with each other and check that a close never drops,
 * duplicates or reorders a buffered value, and that exactly one of two racing closes wins.
 */
public final class CloseVersusReceive {

    private CloseVersusReceive() {
    }

    private static int valueOf(Received<Integer> got) {
        if (got == null) {
            return 0;
        }
        return got.ok() ? got.value() : -1;
    }

    /**
     * Capacity 2 holding 1 and 2: two {@code tryReceive}s against a close. Both buffered values
     * are received, in order, however the close interleaves; the arbiter then sees the channel
     * closed and drained.
     */
    @JCStressTest
    @Outcome(id = "1, 2, -1", expect = ACCEPTABLE,
            desc = "Both buffered values, in order, then closed.")
    @Outcome(expect = FORBIDDEN,
            desc = "The close dropped, duplicated or reordered a buffered value.")
    @State
    public static class TryReceivesVersusClose {
        final Chan<Integer> ch = Chan.make(2);

        public TryReceivesVersusClose() {
            ch.send(1);
            ch.send(2);
        }

        @Actor
        public void receiver(III_Result r) {
            r.r1 = valueOf(ch.tryReceive());
            r.r2 = valueOf(ch.tryReceive());
        }

        @Actor
        public void closer() {
            ch.close();
        }

        @Arbiter
        public void drained(III_Result r) {
            r.r3 = valueOf(ch.tryReceive());
        }
    }

    /**
     * Capacity 1: a blocking receive against a sender that sends 1, tries to take it back with
     * {@code tryReceive}, and closes. The value goes to exactly one of them; the blocking receive
     * then sees the channel closed, or the {@code tryReceive} finds nothing.
     */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE,
            desc = "The receive got 1; tryReceive found the channel empty.")
    @Outcome(id = "-1, 1", expect = ACCEPTABLE,
            desc = "tryReceive took 1 back; the receive saw closed.")
    @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "The value was received twice.")
    @Outcome(expect = FORBIDDEN, desc = "Other (the value was lost).")
    @State
    public static class ReceiveVersusSendTakeBackClose {
        final Chan<Integer> ch = Chan.make(1);

        @Actor
        public void sendThenClose(II_Result r) {
            ch.send(1);
            r.r2 = valueOf(ch.tryReceive());
            ch.close();
        }

        @Actor
        public void receiver(II_Result r) {
            r.r1 = valueOf(ch.receiveOk());
        }
    }

    /** Two closes: exactly one throws {@code close of closed channel}. */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The first close won; the second threw.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "The second close won; the first threw.")
    @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "Both closes succeeded.")
    @Outcome(expect = FORBIDDEN, desc = "Both threw.")
    @State
    public static class CloseVersusClose {
        final Chan<Integer> ch = Chan.make();

        private int close() {
            try {
                ch.close();
                return 1;
            } catch (ChanClosedException e) {
                return "close of closed channel".equals(e.getMessage()) ? 0 : -1;
            }
        }

        @Actor
        public void first(II_Result r) {
            r.r1 = close();
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = close();
        }
    }
}
