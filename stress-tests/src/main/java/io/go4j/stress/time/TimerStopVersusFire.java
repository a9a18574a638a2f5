package io.go4j.stress.time;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
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
 * Go 1.23's {@code time.Timer.Stop}: <em>"any receive from t.C after Stop has returned is
 * guaranteed to block rather than receive a stale time value from before the Stop"</em>; Stop
 * <em>"returns true if the call stops the timer, false if the timer has already expired or been
 * stopped"</em>, and a timer whose value nobody received has not expired yet.
 *
 * <p>A timer due at once races a {@code stop()} against a {@code tryReceive()} on its channel;
 * the arbiter then tries once more. The timer's single value goes to exactly one side: either
 * {@code stop()} returns true and the value is never received, or the receive got it and
 * {@code stop()} returns false. A value received after a true {@code stop()}, a second value, or
 * a false {@code stop()} with nobody holding the value are all forbidden.
 *
 * <p>r1: {@code stop()} returned true (1) or false (0); r2: the racing receive got a value;
 * r3: the arbiter's receive got one.
 */
public final class TimerStopVersusFire {

    private TimerStopVersusFire() {
    }

    private static int received(Timer t) {
        return t.c().tryReceive() != null ? 1 : 0;
    }

    /**
     * The timer is made due at once when the state is built, so by the time the actors run its
     * value is usually waiting in the channel (or, with a lazy timer, ready to be produced by the
     * first receive): {@code stop()} must take it back, or lose it to the receive.
     */
    @JCStressTest
    @Outcome(id = "1, 0, 0", expect = ACCEPTABLE,
            desc = "stop() won: the value was never received.")
    @Outcome(id = "0, 1, 0", expect = ACCEPTABLE,
            desc = "The receive won; stop() then found the timer expired.")
    @Outcome(id = "1, 1, .*", expect = FORBIDDEN,
            desc = "stop() returned true but the value was received.")
    @Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "A value was received after stop() returned.")
    @Outcome(id = "0, 0, 0", expect = FORBIDDEN,
            desc = "stop() returned false but nobody received the value.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class StopVersusReceive {
        final Timer t = Time.newTimer(Duration.ZERO);

        @Actor
        public void stopper(III_Result r) {
            r.r1 = t.stop() ? 1 : 0;
        }

        @Actor
        public void receiver(III_Result r) {
            r.r2 = received(t);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = received(t);
        }
    }

    /**
     * The timer waits an hour until the stopping actor re-arms it to fire at once and stops it
     * right away: the firing (on the timer thread, or in a receive that finds the timer due) races
     * with the {@code stop()} itself and with the other actor's receive. The receive gets the
     * value only if it falls between the two calls, and then {@code stop()} must say false.
     */
    @JCStressTest
    @Outcome(id = "1, 0, 0", expect = ACCEPTABLE,
            desc = "stop() came before the value was received: it was never received.")
    @Outcome(id = "0, 1, 0", expect = ACCEPTABLE_INTERESTING,
            desc = "The timer fired and was received between reset and stop; stop() said false.")
    @Outcome(id = "1, 1, .*", expect = FORBIDDEN,
            desc = "stop() returned true but the value was received.")
    @Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "A value was received after stop() returned.")
    @Outcome(id = "0, 0, 0", expect = FORBIDDEN,
            desc = "stop() returned false but nobody received the value.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class ArmThenStopVersusReceive {
        final Timer t = Time.newTimer(Duration.ofHours(1));

        @Actor
        public void armThenStop(III_Result r) {
            t.reset(Duration.ZERO);
            r.r1 = t.stop() ? 1 : 0;
        }

        @Actor
        public void receiver(III_Result r) {
            r.r2 = received(t);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = received(t);
        }
    }
}
