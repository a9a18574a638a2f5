package io.go4j.internal.runtime;

import io.go4j.Chan;
import java.time.Instant;

/**
 * A timer that sends the time on its channel when it fires: the timer behind Go's
 * {@code time.NewTimer}, {@code time.After} and {@code time.NewTicker}.
 *
 * <p>The channel has room for one value, so firing never blocks: a ticker whose receiver is slow
 * finds the value of the previous tick still there and drops the new one, as Go's tickers do.
 * The timer is lazy (see {@link RuntimeTimer}): its channel tells it when receivers poll and
 * block, and it is in the heap only while one is blocked.
 */
public final class ChanTimer extends RuntimeTimer {

    private final Chan<Instant> c;
    /**
     * Whether a value this timer sent may still be in the channel; lets stopping a timer that
     * never fired (a timeout that was not needed) skip the channel. Guarded by the monitor.
     */
    private boolean sent;

    /**
     * Creates a stopped timer and its channel.
     *
     * @param service the service that will fire it
     */
    public ChanTimer(TimerService service) {
        super(service, true);
        this.c = SharedSecrets.newTimerChan(this);
    }

    /**
     * Returns the channel the timer sends on.
     *
     * @return the timer's channel, of capacity 1
     */
    public Chan<Instant> c() {
        return c;
    }

    /**
     * Called before a receive looks at the channel: if the timer is due, it sends its value now,
     * so that the receive finds it (Go's {@code maybeRunChan}). Like {@link #block()} and
     * {@link #unblock()}, which the channel calls around a receiver's park, it is never called
     * with the channel's lock held, because the timer takes that lock when it fires.
     *
     * <p>The answer reads {@link #sent} without the monitor: a stale one only makes a select look
     * at this channel earlier or later among its cases, never changes what it finds there.
     *
     * @return true if the channel holds no value of the timer and none can come before the timer
     *     is due: a select may look at this channel after its other cases, which spares it the
     *     channel's lock whenever another case is ready (every select whose timeout was not needed)
     */
    public boolean maybeRun() {
        return runIfDue() && !sent;
    }

    /** Sends the time the timer was due, as Go's {@code sendTime} does. */
    @Override
    protected void fire(long lateNanos) {
        if (c.trySend(Instant.now().minusNanos(lateNanos))) {
            sent = true;
        }
    }

    /** Called with the timer disarmed, so the receive cannot fire it again. */
    @Override
    protected boolean drain() {
        if (!sent) {
            return false;
        }
        sent = false;
        return c.tryReceive() != null;
    }
}
