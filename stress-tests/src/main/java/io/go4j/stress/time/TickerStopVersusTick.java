package io.go4j.stress.time;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.time.Ticker;
import io.go4j.time.Time;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go 1.23's {@code time.Ticker}: after {@code Stop} (or {@code Reset}) returns, no tick from
 * before is received; {@code Stop} turns the ticker off and leaves the channel open.
 *
 * <p>A ticker with an hour-long period is reset to tick every nanosecond, then stopped at once, by
 * one actor: in between, ticks fire back to back (on the timer thread, or in a receive that finds
 * a tick due), each re-queueing the next, and the last may race with the {@code stop()}. The other
 * actor tries to receive a tick meanwhile. After {@code stop()} returns neither the stopping actor
 * nor the arbiter may receive a tick. The ticker's period stays an hour until the reset, so
 * tickers of iterations not yet run cost nothing.
 *
 * <p>r1: the stopping actor's receive after {@code stop()} got a tick (1) or nothing (0);
 * r2: the racing receive did; r3: the arbiter's receive did.
 */
@JCStressTest
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE,
        desc = "No tick received: the receive came before the reset, or found none ready.")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE_INTERESTING,
        desc = "The receive got a tick fired between reset and stop(); none was received after "
                + "stop().")
@Outcome(expect = FORBIDDEN, desc = "A tick was received after stop() returned.")
@State
public class TickerStopVersusTick {

    final Ticker tk = Time.newTicker(Duration.ofHours(1));

    private int received() {
        return tk.c().tryReceive() != null ? 1 : 0;
    }

    @Actor
    public void resetThenStop(III_Result r) {
        tk.reset(Duration.ofNanos(1));
        tk.stop();
        r.r1 = received();
    }

    @Actor
    public void receiver(III_Result r) {
        r.r2 = received();
    }

    @Arbiter
    public void after(III_Result r) {
        r.r3 = received();
    }
}
