package io.go4j.time;

import io.go4j.Chan;
import io.go4j.RecvChan;
import io.go4j.internal.race.Race;
import io.go4j.internal.runtime.RuntimeTimer;
import io.go4j.internal.runtime.TimerService;
import java.time.Duration;
import java.time.Instant;

/**
 * A single event in the future: Go's {@code time.Timer}, made by {@link Time#newTimer} or
 * {@link Time#afterFunc}.
 *
 * <p>With Go 1.23's semantics: once {@link #stop()} or {@link #reset(Duration)} has returned, a
 * receive from {@link #c()} cannot get a value sent for the earlier setting; a timer that nothing
 * references any more is collected even if it was never stopped.
 *
 * <p>Go's {@code defer t.Stop()} is {@code try (Timer t = Time.newTimer(d)) { ... }}.
 */
public final class Timer implements AutoCloseable {

    private final RuntimeTimer timer;
    private final Chan<Instant> c;

    Timer(RuntimeTimer timer, Chan<Instant> c) {
        this.timer = timer;
        this.c = c;
    }

    /**
     * Returns the channel on which the time is sent when the timer fires: Go's {@code t.C}.
     *
     * @return the channel, or {@code null} for a timer made by {@link Time#afterFunc}
     */
    public RecvChan<Instant> c() {
        return c;
    }

    /**
     * Prevents the timer from firing: Go's {@code t.Stop()}. For a timer made by
     * {@link Time#afterFunc}, it does not wait for a call already started.
     *
     * @return true if this call stopped the timer (it had not fired, or its value had not been
     *     received yet); false if it had already fired and its value was received, or was stopped
     */
    public boolean stop() {
        return timer.stop();
    }

    /**
     * Stops the timer, as {@link #stop()} does: Go's {@code defer t.Stop()}, for
     * try-with-resources.
     */
    @Override
    public void close() {
        stop();
    }

    /**
     * Makes the timer fire after {@code d} instead, as if just created: Go's {@code t.Reset(d)}.
     *
     * @param d how long to wait from now
     * @return true if the timer had been active (as {@link #stop()} would have said)
     */
    public boolean reset(Duration d) {
        if (Race.ENABLED) {
            Race.release(timer);
        }
        return timer.reset(TimerService.toNanos(d), 0);
    }
}
