package io.go4j.stress.time;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.time.Time;
import io.go4j.time.Timer;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go 1.23's {@code time.Timer.Reset}: <em>"any receive from t.C after Reset has returned is
 * guaranteed not to receive a time value corresponding to the previous timer settings"</em>;
 * Reset <em>"reports whether the timer was active"</em>, and a timer whose value nobody received
 * is still active.
 *
 * <p>A timer due at once is reset to fire in an hour while the other actor tries to receive its
 * value; the arbiter tries once more, then stops the timer (so that no hour-long timer outlives
 * the iteration). Nothing can be sent for the new setting during the test, so any value received
 * is the first setting's: it goes to the receive, and {@code reset} returns false, or
 * {@code reset} takes it back, returns true, and nobody ever receives it.
 *
 * <p>r1: {@code reset} returned true (1) or false (0); r2: the racing receive got a value;
 * r3: the arbiter's receive got one.
 */
@JCStressTest
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE,
        desc = "reset won: the first setting's value was never received.")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE,
        desc = "The receive won; reset then found the timer expired.")
@Outcome(id = "1, 1, .*", expect = FORBIDDEN,
        desc = "reset returned true but the first setting's value was received.")
@Outcome(id = ".*, 1", expect = FORBIDDEN,
        desc = "A value of the first setting was received after reset returned.")
@Outcome(id = "0, 0, 0", expect = FORBIDDEN,
        desc = "reset returned false but nobody received the value.")
@Outcome(expect = FORBIDDEN, desc = "Other.")
@State
public class TimerResetVersusFire {

    final Timer t = Time.newTimer(Duration.ZERO);

    @Actor
    public void resetter(III_Result r) {
        r.r1 = t.reset(Duration.ofHours(1)) ? 1 : 0;
    }

    @Actor
    public void receiver(III_Result r) {
        r.r2 = t.c().tryReceive() != null ? 1 : 0;
    }

    @Arbiter
    public void after(III_Result r) {
        r.r3 = t.c().tryReceive() != null ? 1 : 0;
        t.stop();
    }
}
