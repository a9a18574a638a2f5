package io.go4j.stress.time;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.time.Time;
import io.go4j.time.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go's {@code time.AfterFunc}: the timer calls the function in its own goroutine when it fires;
 * {@code Stop} <em>"returns true if the call stops the timer, false if the timer has already
 * expired or been stopped"</em>; for an AfterFunc timer it <em>"does not wait for f to
 * complete"</em>. {@code Reset} <em>"reports whether the timer was active"</em>.
 *
 * <p>An AfterFunc timer set to an hour is re-armed to fire at once by one actor while the other
 * stops it. Three orders are possible: reset, then stop before the timer fired (both true, the
 * function never runs); reset, the timer fires, then stop (stop false, the function runs); stop
 * first (true, the hour-long setting is cancelled), then reset finds the timer stopped (false)
 * and re-arms it, so the function runs. The function counts its calls. When it must run, the
 * arbiter waits for it, at most {@value #WAIT_SECONDS} seconds (the function runs in a goroutine
 * that may not have been scheduled yet), so an iteration cannot hang; when it must not, the
 * arbiter reads the count at once. It never runs twice.
 *
 * <p>r1: {@code reset} returned true (1) or false (0); r2: {@code stop()} did; r3: how many times
 * the function ran.
 */
@JCStressTest
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
        desc = "stop() came after reset but before the timer fired: the function never ran.")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE,
        desc = "The timer fired between reset and stop(): stop() said false and the function ran.")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE,
        desc = "stop() came first; reset found the timer stopped and re-armed it: the function "
                + "ran.")
@Outcome(id = "1, 1, 1", expect = FORBIDDEN, desc = "stop() returned true but the function ran.")
@Outcome(id = ".*, .*, 0", expect = FORBIDDEN,
        desc = "The timer was left armed to fire at once but the function did not run within the "
                + "wait.")
@Outcome(id = "0, 0, .*", expect = FORBIDDEN,
        desc = "Both reset and stop() found the timer inactive.")
@Outcome(expect = FORBIDDEN, desc = "Other (the function ran twice).")
@State
public class AfterFuncStopVersusFire {

    static final int WAIT_SECONDS = 10;

    final AtomicInteger runs = new AtomicInteger();
    final Timer t = Time.afterFunc(Duration.ofHours(1), runs::incrementAndGet);

    @Actor
    public void resetter(III_Result r) {
        r.r1 = t.reset(Duration.ZERO) ? 1 : 0;
    }

    @Actor
    public void stopper(III_Result r) {
        r.r2 = t.stop() ? 1 : 0;
    }

    @Arbiter
    public void count(III_Result r) {
        boolean mustRun = r.r1 == 0 || r.r2 == 0;
        if (mustRun) {
            long deadline = System.nanoTime() + Duration.ofSeconds(WAIT_SECONDS).toNanos();
            while (runs.get() == 0 && System.nanoTime() < deadline) {
                Thread.yield();
            }
        }
        r.r3 = runs.get();
    }
}
