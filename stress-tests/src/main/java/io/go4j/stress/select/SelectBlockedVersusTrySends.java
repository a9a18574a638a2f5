package io.go4j.stress.select;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.Select;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go spec: a blocked {@code select} proceeds with exactly one case; once one case fired, its
 * other cases are no longer ready.
 *
 * <p>One thread runs {@code select { case v := <-a: case v := <-b: }} on two unbuffered
 * channels, usually parking with a waiter in both. The other tries {@code trySend(a, 1)}, then
 * {@code trySend(b, 2)}, and if both failed falls back to a blocking {@code send(a, 3)}. A
 * {@code trySend} succeeds only by handing its value to the waiting select, so at most one can
 * succeed, and the select must report exactly the value whose send succeeded. Two successes mean
 * the select fired twice (one value lost).
 */
@JCStressTest
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
        desc = "The select was waiting before trySend(a): it got 1, and b was no longer ready.")
@Outcome(id = "2, 0, 1", expect = ACCEPTABLE,
        desc = "The select began waiting between the two trySends: it got 2.")
@Outcome(id = "3, 0, 0", expect = ACCEPTABLE,
        desc = "The select came after both trySends: the blocking send delivered 3.")
@Outcome(id = {"1, 1, 1", "2, 1, 1"}, expect = FORBIDDEN,
        desc = "Both trySends succeeded: the select fired twice.")
@Outcome(expect = FORBIDDEN,
        desc = "The select got a value whose send did not report success, or vice versa.")
@State
public class SelectBlockedVersusTrySends {

    final Chan<Integer> a = Chan.make();
    final Chan<Integer> b = Chan.make();

    @Actor
    public void selector(III_Result r) {
        Select.select(
                Select.recv(a, (Integer v) -> r.r1 = v),
                Select.recv(b, (Integer v) -> r.r1 = v));
    }

    @Actor
    public void sender(III_Result r) {
        boolean sentA = a.trySend(1);
        boolean sentB = b.trySend(2);
        r.r2 = sentA ? 1 : 0;
        r.r3 = sentB ? 1 : 0;
        if (!sentA && !sentB) {
            a.send(3);
        }
    }
}
