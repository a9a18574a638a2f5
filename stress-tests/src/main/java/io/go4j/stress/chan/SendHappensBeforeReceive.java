package io.go4j.stress.chan;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.Select;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Go memory model: <em>"A send on a channel is synchronized before the completion of the
 * corresponding receive from that channel."</em>
 *
 * <p>A plain (non-volatile) field written before a send must be visible to the thread whose
 * receive got that value, whatever path the value took: direct hand-off to a parked or spinning
 * receiver, a waiting sender picked up by the receiver, or the buffer. Checked on an unbuffered
 * channel, on channels of capacity 1 and 4, and with the send or the receive made by a
 * {@code select}.
 */
public final class SendHappensBeforeReceive {

    private SendHappensBeforeReceive() {
    }

    /** Unbuffered channel: the receiver sees the write made before the matching send. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "Received the value and saw the write made before the send.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "Received the value but missed the write: send does not happen-before receive.")
    @Outcome(expect = FORBIDDEN, desc = "Wrong value received.")
    @State
    public static class Unbuffered {
        final Chan<Integer> ch = Chan.make();
        int x;

        @Actor
        public void sender() {
            x = 1;
            ch.send(1);
        }

        @Actor
        public void receiver(II_Result r) {
            r.r1 = ch.receive();
            r.r2 = x;
        }
    }

    /** Capacity 1: the value usually goes through the buffer. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "Received the value and saw the write made before the send.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "Received the value but missed the write: send does not happen-before receive.")
    @Outcome(expect = FORBIDDEN, desc = "Wrong value received.")
    @State
    public static class Cap1 {
        final Chan<Integer> ch = Chan.make(1);
        int x;

        @Actor
        public void sender() {
            x = 1;
            ch.send(1);
        }

        @Actor
        public void receiver(II_Result r) {
            r.r1 = ch.receive();
            r.r2 = x;
        }
    }

    /**
     * Capacity 4, two values: each receive sees the write made before the send of the value it
     * got (and values arrive in FIFO order).
     */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 1", expect = ACCEPTABLE,
            desc = "Both values in order, each with the write made before its send.")
    @Outcome(id = {"1, 0, .*", "1, 1, 2, 0"}, expect = FORBIDDEN,
            desc = "A write made before a send is missing after its receive.")
    @Outcome(expect = FORBIDDEN, desc = "Wrong values or wrong order.")
    @State
    public static class Cap4 {
        final Chan<Integer> ch = Chan.make(4);
        int x;
        int y;

        @Actor
        public void sender() {
            x = 1;
            ch.send(1);
            y = 1;
            ch.send(2);
        }

        @Actor
        public void receiver(IIII_Result r) {
            r.r1 = ch.receive();
            r.r2 = x;
            r.r3 = ch.receive();
            r.r4 = y;
        }
    }

    /** Unbuffered channel, the send made by a select's send case. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "Received the value and saw the write made before the select.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "Missed the write: a select's send does not happen-before the receive.")
    @Outcome(expect = FORBIDDEN, desc = "Wrong value received.")
    @State
    public static class SelectSend {
        final Chan<Integer> ch = Chan.make();
        int x;

        @Actor
        public void sender() {
            x = 1;
            Select.select(Select.send(ch, 1));
        }

        @Actor
        public void receiver(II_Result r) {
            r.r1 = ch.receive();
            r.r2 = x;
        }
    }

    /** Unbuffered channel, the receive made by a select's receive case (read in its body). */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "The case body got the value and saw the write made before the send.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "Missed the write: the send does not happen-before the select's receive.")
    @Outcome(expect = FORBIDDEN, desc = "Wrong value received.")
    @State
    public static class SelectRecv {
        final Chan<Integer> ch = Chan.make();
        int x;

        @Actor
        public void sender() {
            x = 1;
            ch.send(1);
        }

        @Actor
        public void receiver(II_Result r) {
            Select.select(Select.recv(ch, (Integer v) -> {
                r.r1 = v;
                r.r2 = x;
            }));
        }
    }
}
