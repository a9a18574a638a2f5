package io.go4j.stress.select;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.Select;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Go spec: each {@code select} performs exactly one communication, even when it mixes send and
 * receive cases; and a select never communicates with itself.
 *
 * <p>Two blocking selects, each with a send case and a receive case on unbuffered channels, race
 * each other. Exactly one pairing happens: one select's send case meets the other's receive case
 * and each select reports exactly that case. Neither may fire two cases, and both completing
 * with no partner (or both blocking forever, a timeout) is impossible.
 *
 * <p>Results: {@code r1, r2} are the first select's chosen case index and the value it received
 * (0 if it sent); {@code r3, r4} are the same for the second select.
 */
public final class SelectSendAndReceiveCases {

    private SelectSendAndReceiveCases() {
    }

    /**
     * Crossed channels: the first runs {@code select { case a <- 1: case v := <-b: }}, the second
     * {@code select { case v := <-a: case b <- 2: }}.
     */
    @JCStressTest
    @Outcome(id = "0, 0, 0, 1", expect = ACCEPTABLE,
            desc = "The first sent 1 on a; the second received it.")
    @Outcome(id = "1, 2, 1, 0", expect = ACCEPTABLE,
            desc = "The second sent 2 on b; the first received it.")
    @Outcome(expect = FORBIDDEN,
            desc = "Both sent, both received, or a case reported a value it did not exchange.")
    @State
    public static class CrossedChannels {
        final Chan<Integer> a = Chan.make();
        final Chan<Integer> b = Chan.make();

        @Actor
        public void first(IIII_Result r) {
            r.r1 = Select.select(
                    Select.send(a, 1),
                    Select.recv(b, (Integer v) -> r.r2 = v));
        }

        @Actor
        public void second(IIII_Result r) {
            r.r3 = Select.select(
                    Select.recv(a, (Integer v) -> r.r4 = v),
                    Select.send(b, 2));
        }
    }

    /**
     * One channel: both run {@code select { case c <- mine: case v := <-c: }}. One must send to
     * the other; a select whose own send met its own receive would report a value it sent.
     */
    @JCStressTest
    @Outcome(id = "0, 0, 1, 1", expect = ACCEPTABLE,
            desc = "The first sent 1; the second received it.")
    @Outcome(id = "1, 2, 0, 0", expect = ACCEPTABLE,
            desc = "The second sent 2; the first received it.")
    @Outcome(id = {"1, 1, .*", ".*, 1, 2"}, expect = FORBIDDEN,
            desc = "A select received its own value.")
    @Outcome(expect = FORBIDDEN, desc = "Both sent, both received, or a value mixed up.")
    @State
    public static class SameChannel {
        final Chan<Integer> c = Chan.make();

        @Actor
        public void first(IIII_Result r) {
            r.r1 = Select.select(
                    Select.send(c, 1),
                    Select.recv(c, (Integer v) -> r.r2 = v));
        }

        @Actor
        public void second(IIII_Result r) {
            r.r3 = Select.select(
                    Select.send(c, 2),
                    Select.recv(c, (Integer v) -> r.r4 = v));
        }
    }

    /**
     * All-receive against all-send: the first runs {@code select { case v := <-a: case v := <-b:
     * }}, the second {@code select { case a <- 1: case b <- 2: }}. Whichever blocks first has a
     * waiter on both channels and the other finds both cases ready: exactly one channel carries a
     * value, and both selects name that channel.
     */
    @JCStressTest
    @Outcome(id = "0, 1, 0, 0", expect = ACCEPTABLE, desc = "The value 1 went over a.")
    @Outcome(id = "1, 2, 1, 0", expect = ACCEPTABLE, desc = "The value 2 went over b.")
    @Outcome(expect = FORBIDDEN,
            desc = "The selects disagree on the channel used, or a value is wrong.")
    @State
    public static class AllReceiveVersusAllSend {
        final Chan<Integer> a = Chan.make();
        final Chan<Integer> b = Chan.make();

        @Actor
        public void receiver(IIII_Result r) {
            r.r1 = Select.select(
                    Select.recv(a, (Integer v) -> r.r2 = v),
                    Select.recv(b, (Integer v) -> r.r2 = v));
        }

        @Actor
        public void sender(IIII_Result r) {
            r.r3 = Select.select(
                    Select.send(a, 1),
                    Select.send(b, 2));
        }
    }
}
