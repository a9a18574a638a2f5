package io.go4j.internal.runtime;

/**
 * The timer that owns a timer channel: Go's {@code hchan.timer}.
 *
 * <p>As in Go 1.23, a channel timer is in its service's heap only while a receiver is blocked on
 * its channel: a timer that nobody waits for costs no heap entry and is collected with its
 * channel. For that, the channel tells its timer about its receivers. None of these methods is
 * called with a channel lock held, because the timer takes the channel's lock when it fires.
 */
public interface ChannelTimer {

    /**
     * Called before a receive looks at the channel: if the timer is due, it sends its value now,
     * so that the receive finds it (Go's {@code maybeRunChan}).
     *
     * @return true if the channel holds no value of the timer and none can come before the timer
     *     is due: a select may look at this channel after its other cases, which spares it the
     *     channel's lock whenever another case is ready (every select whose timeout was not needed)
     */
    boolean maybeRun();

    /**
     * Called once a receiver has queued itself on the channel and released the lock, before it
     * parks: the timer must now be in the heap to wake it (Go's {@code blockTimerChan}).
     */
    void block();

    /**
     * Called once a receiver that called {@link #block()} no longer waits; the last one to leave
     * takes the timer out of the heap (Go's {@code unblockTimerChan}).
     */
    void unblock();
}
