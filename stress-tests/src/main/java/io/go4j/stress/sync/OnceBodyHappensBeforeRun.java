package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.Once;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Go memory model: <em>"The completion of a single call of f() from once.Do(f) is synchronized
 * before the return of any call of once.Do(f)."</em> And Go's {@code sync.Once} doc: <em>"Do calls
 * the function f if and only if Do is being called for the first time for this instance of
 * Once."</em>
 *
 * <p>Two threads call {@code run} on one Once, each with its own action. The action publishes an
 * object through a plain field (lazy initialization, the classic use). Exactly one action runs,
 * and both callers, the one that ran it and the one that did not, see the object and its
 * (non-final) contents when {@code run} returns. r1/r2: what actor 1/2 saw (-1: no object);
 * r3/r4: 1 if actor 1's/2's action ran.
 */
@JCStressTest
@Outcome(id = "42, 42, 1, 0", expect = ACCEPTABLE,
        desc = "Actor 1's action ran; both saw its result.")
@Outcome(id = "42, 42, 0, 1", expect = ACCEPTABLE,
        desc = "Actor 2's action ran; both saw its result.")
@Outcome(id = "42, 42, 1, 1", expect = FORBIDDEN, desc = "Both actions ran.")
@Outcome(id = "-1, 42, 0, 1", expect = FORBIDDEN,
        desc = "Actor 1's run returned before the action completed, or without seeing it.")
@Outcome(id = "42, -1, 1, 0", expect = FORBIDDEN,
        desc = "Actor 2's run returned before the action completed, or without seeing it.")
@Outcome(expect = FORBIDDEN, desc = "Other (a torn object, no action run, ...).")
@State
public class OnceBodyHappensBeforeRun {

    /** Published by the action; its field is deliberately not final. */
    static final class Box {
        int value;

        Box(int value) {
            this.value = value;
        }
    }

    final Once once = new Once();
    Box box;

    private int get() {
        Box b = box;
        return b == null ? -1 : b.value;
    }

    @Actor
    public void actor1(IIII_Result r) {
        once.run(() -> {
            box = new Box(42);
            r.r3 = 1;
        });
        r.r1 = get();
    }

    @Actor
    public void actor2(IIII_Result r) {
        once.run(() -> {
            box = new Box(42);
            r.r4 = 1;
        });
        r.r2 = get();
    }
}
