package io.go4j.stress.go;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Go;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go memory model: the {@code go} statement that starts a goroutine happens-before the
 * goroutine's execution begins.
 *
 * <p>Each actor writes a field, then starts a goroutine that reads it; the goroutine must see the
 * write. The actor joins the goroutine before returning, so the goroutine's own result write is
 * ordered before jcstress reads the result. Two actors start goroutines at the same time.
 */
@JCStressTest
@Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "Each goroutine saw the write made before go.")
@Outcome(expect = FORBIDDEN, desc = "A goroutine missed a write made before go (or its join was interrupted: -1).")
@State
public class GoHappensBeforeBody {

    int x;
    int y;

    private static void join(Thread g, II_Result r) {
        try {
            g.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.r1 = -1;
        }
    }

    @Actor
    public void first(II_Result r) {
        x = 1;
        join(Go.go(() -> r.r1 = x), r);
    }

    @Actor
    public void second(II_Result r) {
        y = 2;
        join(Go.go(() -> r.r2 = y), r);
    }
}
