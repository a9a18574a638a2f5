package io.go4j.stress.select;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.Select;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go spec: a {@code select} performs exactly one communication, and each sent value is received
 * exactly once.
 *
 * <p>Two selects, each over {@code recv a} and {@code recv b}, compete for one value on
 * {@code a} and one on {@code b}. Each select must take exactly one value, and the two must take
 * different values: never the same value twice, never a value lost (a lost value would leave a
 * select or a sender blocked forever, which jcstress reports as a timeout).
 */
public final class SelectReceiversShareValues {

    private SelectReceiversShareValues() {
    }

    /** Runs {@code select { case v := <-a: case v := <-b: }} and returns the value. */
    private static int selectOne(Chan<Integer> a, Chan<Integer> b) {
        int[] got = new int[1];
        Select.select(
                Select.recv(a, (Integer v) -> got[0] = v),
                Select.recv(b, (Integer v) -> got[0] = v));
        return got[0];
    }

    /**
     * Capacity 1, both values buffered before the race: the selects never block, they contend
     * for the channel locks and the buffered values.
     */
    @JCStressTest
    @Outcome(id = "1, 2", expect = ACCEPTABLE,
            desc = "The first select took a's value, the second b's.")
    @Outcome(id = "2, 1", expect = ACCEPTABLE,
            desc = "The first select took b's value, the second a's.")
    @Outcome(id = {"1, 1", "2, 2"}, expect = FORBIDDEN, desc = "One value was received twice.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class Buffered {
        final Chan<Integer> a = Chan.make(1);
        final Chan<Integer> b = Chan.make(1);

        public Buffered() {
            a.send(1);
            b.send(2);
        }

        @Actor
        public void select1(II_Result r) {
            r.r1 = selectOne(a, b);
        }

        @Actor
        public void select2(II_Result r) {
            r.r2 = selectOne(a, b);
        }
    }

    /**
     * Unbuffered, three actors: the selects usually block with a waiter on both channels; a third
     * actor sends 1 on {@code a}, then 2 on {@code b}. Each send must wake exactly one select and
     * a select woken through one channel must not also consume from the other. jcstress runs it
     * only with at least 3 CPUs; on 2 CPUs {@code SelectBlockedVersusTrySends} and
     * {@code SelectSendAndReceiveCases.AllReceiveVersusAllSend} cover blocked multi-case selects.
     */
    @JCStressTest
    @Outcome(id = "1, 2", expect = ACCEPTABLE,
            desc = "The first select got a's value, the second b's.")
    @Outcome(id = "2, 1", expect = ACCEPTABLE,
            desc = "The first select got b's value, the second a's.")
    @Outcome(id = {"1, 1", "2, 2"}, expect = FORBIDDEN, desc = "One value was received twice.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class Unbuffered {
        final Chan<Integer> a = Chan.make();
        final Chan<Integer> b = Chan.make();

        @Actor
        public void select1(II_Result r) {
            r.r1 = selectOne(a, b);
        }

        @Actor
        public void select2(II_Result r) {
            r.r2 = selectOne(a, b);
        }

        @Actor
        public void sender() {
            a.send(1);
            b.send(2);
        }
    }
}
