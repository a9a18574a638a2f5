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
 * Go spec: a {@code select} with a {@code default} takes the default only if no case can
 * proceed; otherwise it performs one ready communication.
 *
 * <p>A channel of capacity 1 holds one value; two threads race, each running
 * {@code select { case <-c: ...; default: ... }}. Exactly one must receive the value and the
 * other must take the default: never both (the value duplicated) and never neither (the value
 * lost, or a default taken although the value was there).
 */
@JCStressTest
@Outcome(id = "1, 0", expect = ACCEPTABLE,
        desc = "The first select received the value, the second took the default.")
@Outcome(id = "0, 1", expect = ACCEPTABLE,
        desc = "The second select received the value, the first took the default.")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "Both received the one value.")
@Outcome(id = "0, 0", expect = FORBIDDEN,
        desc = "Both took the default although a value was ready.")
@Outcome(expect = FORBIDDEN, desc = "Other.")
@State
public class SelectDefaultOneValue {

    final Chan<Integer> c = Chan.make(1);

    public SelectDefaultOneValue() {
        c.send(42);
    }

    private int selectOrDefault() {
        int[] got = new int[1];
        Select.select(
                Select.recv(c, (Integer v) -> got[0] = v == 42 ? 1 : -1),
                Select.defaultCase());
        return got[0];
    }

    @Actor
    public void select1(II_Result r) {
        r.r1 = selectOrDefault();
    }

    @Actor
    public void select2(II_Result r) {
        r.r2 = selectOrDefault();
    }
}
