package io.go4j.stress.go;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Go;
import io.go4j.runtime.Scheduler;
import java.time.Duration;
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
@Outcome(expect = FORBIDDEN,
        desc = "A goroutine missed a write made before go (or its join was interrupted: -1, or "
                + "it was not done after 10 s: -2, with a goroutine dump on stderr).")
@State
public class GoHappensBeforeBody {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    int x;
    int y;

    /**
     * Joins the goroutine. One full pass saw this test time out once (jcstress waited 30 s for an
     * actor); a goroutine still not done after {@link #PATIENCE} makes the outcome -2 and prints
     * the goroutine dump, so that a lost wake-up in the scheduler would leave evidence.
     */
    private static void join(Thread g, II_Result r) {
        try {
            if (!g.join(PATIENCE)) {
                System.err.println("goroutine not done after " + PATIENCE + ":\n"
                        + Scheduler.defaultScheduler().dump());
                r.r1 = -2;
            }
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
