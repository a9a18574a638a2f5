package io.go4j.time;

import io.go4j.RecvChan;
import io.go4j.internal.runtime.ChanTimer;
import io.go4j.internal.runtime.TimerService;
import java.time.Duration;
import java.time.Instant;

/**
 * Ticks at a regular interval: Go's {@code time.Ticker}, made by {@link Time#newTicker}.
 *
 * <p>The channel holds at most one tick: a receiver slower than the period gets the oldest tick
 * not yet received and misses the ones that came while it was there, as in Go. With Go 1.23's
 * semantics, after {@link #stop()} or {@link #reset(Duration)} returns no tick from before is
 * received, and a ticker that nothing references any more is collected even if never stopped.
 *
 * <p>Go's {@code defer t.Stop()} is {@code try (Ticker t = Time.newTicker(d)) { ... }}.
 */
public final class Ticker implements AutoCloseable {

    private final ChanTimer timer = new ChanTimer(TimerService.current());

    Ticker(long periodNanos) {
        timer.arm(periodNanos, periodNanos);
    }

    /**
     * Returns the channel on which the ticks are sent: Go's {@code t.C}.
     *
     * @return the channel
     */
    public RecvChan<Instant> c() {
        return timer.c();
    }

    /**
     * Turns the ticker off: Go's {@code t.Stop()}. The channel is not closed.
     */
    public void stop() {
        timer.stop();
    }

    /**
     * Stops the ticker, as {@link #stop()} does: Go's {@code defer t.Stop()}, for
     * try-with-resources.
     */
    @Override
    public void close() {
        stop();
    }

    /**
     * Stops the ticker and restarts it with period {@code d}; the next tick comes {@code d} from
     * now: Go's {@code t.Reset(d)}.
     *
     * @param d the new period
     * @throws IllegalArgumentException with Go's message {@code non-positive interval for
     *     Ticker.Reset} if {@code d} is zero or negative
     */
    public void reset(Duration d) {
        long period = TimerService.toNanos(d);
        if (period <= 0) {
            throw new IllegalArgumentException("non-positive interval for Ticker.Reset");
        }
        timer.reset(period, period);
    }
}
