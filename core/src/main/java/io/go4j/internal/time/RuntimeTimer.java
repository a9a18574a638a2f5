package io.go4j.internal.time;

import java.lang.ref.WeakReference;

/**
 * One timer of a {@link TimerService}: Go's runtime {@code timer}.
 *
 * <p>The timer acts on a target when it fires ({@link #fire}): a channel to send the time on, a
 * function to start, a thread to wake. It is a {@link WeakReference} to that target so that a
 * timer whose channel nobody can receive from any more does not keep the channel alive: once the
 * collector clears the reference, the service drops the timer without firing it. Timers that must
 * fire whatever happens (a function, a sleeping thread) also keep a strong reference.
 *
 * <h2>Locking (Go's {@code timer.mu} and {@code sendLock} in one)</h2>
 * The timer's monitor guards {@link #when} and {@link #period}, and is held across everything
 * that must look atomic to the user: re-arming or stopping, together with {@linkplain #drain()
 * draining} a value already sent but not received (Go 1.23's guarantee that no stale value is
 * received after {@code Stop} or {@code Reset} returns), and firing. The service's lock guards
 * {@link #heapIndex}; it is always taken inside the timer's monitor, never around it.
 */
public abstract class RuntimeTimer extends WeakReference<Object> {

    /** The service whose heap this timer goes into. */
    final TimerService service;
    /** The target again when it must stay reachable until the timer fires; else null. */
    private final Object strongTarget;

    /** When it fires next, on the service's clock; 0 while stopped or fired. Monitor-guarded. */
    private long when;
    /** Nanoseconds between two firings of a ticker; 0 for a one-shot timer. Monitor-guarded. */
    private long period;

    /** Its position in the service's heap, or -1 when not queued. Guarded by the service's lock. */
    int heapIndex = -1;

    /**
     * Creates a stopped timer.
     *
     * @param service the service that will fire it
     * @param target what it acts on
     * @param weak whether the timer may be dropped once nothing else references {@code target}
     */
    protected RuntimeTimer(TimerService service, Object target, boolean weak) {
        super(target);
        this.service = service;
        this.strongTarget = weak ? null : target;
    }

    /**
     * Arms the timer to fire {@code delayNanos} from now, then every {@code periodNanos} if that is
     * positive, cancelling whatever it was set to do before: Go's {@code timer.modify}, behind
     * {@code Timer.Reset}. A value sent by the previous setting and not yet received is taken
     * back.
     *
     * @param delayNanos nanoseconds from now; 0 or less fires at once
     * @param periodNanos the period of a ticker, or 0
     * @return whether the timer was active (armed and not fired), or a value it sent was taken back
     */
    public final synchronized boolean reset(long delayNanos, long periodNanos) {
        boolean pending = when > 0;
        service.remove(this);
        if (drain()) {
            pending = true;
        }
        period = periodNanos;
        when = service.deadline(delayNanos);
        service.add(this, when);
        return pending;
    }

    /**
     * Stops the timer: Go's {@code timer.stop}, behind {@code Timer.Stop}. A value it sent and
     * that was not yet received is taken back.
     *
     * @return whether this call stopped the timer before it fired (or took back its value)
     */
    public final synchronized boolean stop() {
        boolean pending = when > 0;
        when = 0;
        service.remove(this);
        return drain() || pending;
    }

    /**
     * Timer thread, after taking this timer out of the heap where it was queued for
     * {@code queuedWhen}: fires it unless it was stopped or re-armed meanwhile, and queues a
     * ticker's next firing.
     */
    final void run(long queuedWhen, long now) {
        Object target = get();
        if (target == null) {
            return;
        }
        synchronized (this) {
            if (heapIndex >= 0 || when != queuedWhen) {
                return;
            }
            if (period > 0) {
                when = nextTick(queuedWhen, now);
                service.add(this, when);
            } else {
                when = 0;
            }
            fire(target, now - queuedWhen);
        }
    }

    /** The first tick after {@code now} of a ticker that was due at {@code due}; saturates. */
    private long nextTick(long due, long now) {
        try {
            return Math.addExact(due, Math.multiplyExact(period, 1 + (now - due) / period));
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /** Whether the timer keeps its target reachable: it counts as pending until it fires. */
    final boolean isStrong() {
        return strongTarget != null;
    }

    /**
     * Timer thread, with the monitor held: does what the timer is for. Must not block.
     *
     * @param target what the timer acts on
     * @param lateNanos how long after its due time the timer fires
     */
    protected abstract void fire(Object target, long lateNanos);

    /**
     * With the monitor held: takes back a value sent by an earlier firing that nobody received.
     *
     * @return whether there was one
     */
    protected boolean drain() {
        return false;
    }
}
