package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.Once;
import java.util.function.Supplier;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go's {@code sync.OnceValue}: the function runs once, and every call, concurrent or later,
 * returns its result; the Go memory model's {@code once} rule makes the result's contents
 * visible to every caller.
 *
 * <p>Two actors call the same supplier. The arbiter checks that the function ran once and that
 * both callers got the same, fully built object.
 */
@JCStressTest
@Outcome(id = "42, 1, 1", expect = ACCEPTABLE,
        desc = "One call, one result, seen whole by both callers.")
@Outcome(id = "-1, .*", expect = FORBIDDEN, desc = "A caller saw the result without its contents.")
@Outcome(id = ".*, 2, .*", expect = FORBIDDEN, desc = "The function ran twice.")
@Outcome(id = ".*, 0", expect = FORBIDDEN, desc = "The callers got different results.")
@Outcome(expect = FORBIDDEN, desc = "Other.")
@State
public class OnceValueSameResult {

    static final class Box {
        int value;
    }

    int calls;
    final Supplier<Box> once = Once.value(() -> {
        calls++;
        Box b = new Box();
        b.value = 42;
        return b;
    });
    Box first;
    Box second;

    @Actor
    public void first() {
        first = once.get();
    }

    @Actor
    public void second() {
        second = once.get();
    }

    @Arbiter
    public void check(III_Result r) {
        r.r1 = first.value == 42 && second.value == 42 ? 42 : -1;
        r.r2 = calls;
        r.r3 = first == second ? 1 : 0;
    }
}
