package io.go4j.internal.time;

import io.go4j.Chan;
import java.time.Instant;

/**
 * A timer that sends the time on a channel when it fires: the timer behind Go's
 * {@code time.NewTimer}, {@code time.After} and {@code time.NewTicker}.
 *
 * <p>The channel has room for one value, so firing never blocks: a ticker whose receiver is slow
 * finds the value of the previous tick still there and drops the new one, as Go's tickers do.
 * The timer references the channel weakly: once nothing else does, nobody can receive from it,
 * and the timer is dropped.
 */
public final class ChanTimer extends RuntimeTimer {

    /**
     * Creates a stopped timer for {@code c}.
     *
     * @param service the service that will fire it
     * @param c a channel of capacity 1 that only this timer sends on
     */
    public ChanTimer(TimerService service, Chan<Instant> c) {
        super(service, c, true);
    }

    /**
     * Whether a value this timer sent may still be in the channel; lets stopping a timer that
     * never fired (a timeout that was not needed) skip the channel. Guarded by the monitor.
     */
    private boolean sent;

    /** Sends the time the timer was due, as Go's {@code sendTime} does. */
    @Override
    @SuppressWarnings("unchecked")
    protected void fire(Object target, long lateNanos) {
        if (((Chan<Instant>) target).trySend(Instant.now().minusNanos(lateNanos))) {
            sent = true;
        }
    }

    @Override
    protected boolean drain() {
        if (!sent) {
            return false;
        }
        sent = false;
        Object c = get();
        return c != null && ((Chan<?>) c).tryReceive() != null;
    }
}
