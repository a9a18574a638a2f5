package io.go4j.internal.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One timer of a {@link TimerService}: Go's runtime {@code timer}.
 *
 * <p>When it fires, the timer does what its subclass is for ({@link #fire}): send the time on a
 * channel, start a function, wake a sleeping thread. A timer that wakes a thread or runs a
 * function is in its service's heap whenever it is armed. A channel timer is <em>lazy</em>, as
 * in Go 1.23: it is in the heap only while a receiver is blocked on its channel
 * ({@link #block()}); a receive that merely polls the channel fires a due timer itself
 * ({@link #runIfDue()}). A timer that nobody waits for is thus referenced by nothing but its
 * channel and its user, and is collected with them, stopped or not.
 *
 * <h2>Locking (Go's {@code timer.mu} and {@code sendLock} in one)</h2>
 * The timer's monitor guards {@link #when} (read without it too), {@link #period} and
 * {@link #blocked}, and is held across everything that must look atomic to the user: re-arming
 * or stopping, together with {@linkplain #drain() draining} a value already sent but not
 * received (Go 1.23's guarantee that no stale value is received after {@code Stop} or
 * {@code Reset} returns), and firing, which may take a channel's lock. So nobody calls into a
 * timer while holding a channel lock. The
 * service's lock guards {@link #heapIndex}; it is always taken inside the timer's monitor, never
 * around it.
 */
public abstract class RuntimeTimer {

    private static final VarHandle WHEN;

    static {
        try {
            WHEN = MethodHandles.lookup().findVarHandle(RuntimeTimer.class, "when", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The service whose heap this timer goes into. */
    final TimerService service;
    /** Whether the timer is queued only while {@link #blocked} is positive (a channel timer). */
    private final boolean lazy;

    /**
     * When it fires next, on the service's clock; 0 while stopped or fired. Written with the
     * monitor held (or by {@link #arm} before anyone else sees the timer), through
     * {@link #setWhen}: opaque, so atomic without a fence, and {@link #runIfDue()} can read it
     * without the monitor to see a timer not due, as every select with a timeout case asks.
     */
    private long when;
    /** Nanoseconds between two firings of a ticker; 0 for a one-shot timer. Monitor-guarded. */
    private long period;
    /** Lazy timers: how many receivers wait on the channel right now. Monitor-guarded. */
    private int blocked;

    /**
     * Its position in the service's heap, or -1 when not queued. Written under the service's
     * lock; it only ever becomes non-negative under this timer's monitor too ({@link #queue}), or
     * in {@link #arm} before any other thread sees the timer, so a holder of the monitor that reads
     * -1 knows the timer is not queued (the timer thread may take it out meanwhile, never put it
     * in).
     */
    int heapIndex = -1;

    /**
     * Creates a stopped timer.
     *
     * @param service the service that will fire it
     * @param lazy whether it is queued only while a receiver blocks on its channel
     */
    protected RuntimeTimer(TimerService service, boolean lazy) {
        this.service = service;
        this.lazy = lazy;
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
        boolean pending = disarm();
        period = periodNanos;
        setWhen(service.deadline(delayNanos));
        queue();
        return pending;
    }

    /**
     * Arms a timer that was just made and that no other thread can see yet, as {@link #reset}
     * would, without its monitor: taking a monitor is an atomic instruction, which on a fresh
     * object waits for the stores that zeroed it; JFR put 25-29% of a loop of selects with
     * {@code Time.after} there. Whoever gets the timer later gets it through a happens-before
     * edge (a handed-over reference, or the service's lock for the timer thread).
     *
     * @param delayNanos nanoseconds from now; 0 or less fires at once
     * @param periodNanos the period of a ticker, or 0
     */
    public final void arm(long delayNanos, long periodNanos) {
        period = periodNanos;
        setWhen(service.deadline(delayNanos));
        queue();
    }

    /**
     * Stops the timer: Go's {@code timer.stop}, behind {@code Timer.Stop}. A value it sent and
     * that was not yet received is taken back.
     *
     * @return whether this call stopped the timer before it fired (or took back its value)
     */
    public final synchronized boolean stop() {
        return disarm();
    }

    /** @return when the timer fires next on its service's clock, 0 if it is not armed */
    final long when() {
        return (long) WHEN.getOpaque(this);
    }

    /** Monitor held: unarms, unqueues and drains; returns whether anything was pending. */
    private boolean disarm() {
        boolean pending = when > 0;
        if (pending) {
            setWhen(0);
        }
        unqueue();
        return drain() || pending;
    }

    /**
     * A receiver polls the timer's channel: fires the timer now if it is due, wherever it is.
     * See {@link ChanTimer#maybeRun()}.
     *
     * @return true if the timer was not due (it did not fire now)
     */
    protected final boolean runIfDue() {
        long due = (long) WHEN.getOpaque(this);
        if (due == 0 || due > service.nanoTime()) {
            return true;
        }
        synchronized (this) {
            long now = service.nanoTime();
            if (when > 0 && when <= now) {
                unqueue();
                fireLocked(now);
            }
        }
        return false;
    }

    /** A receiver is about to park on the channel: from now on the heap must hold the timer. */
    public final synchronized void block() {
        if (blocked++ == 0 && when > 0) {
            service.add(this, when);
        }
    }

    /** A receiver that {@linkplain #block() blocked} is awake; the last one unqueues the timer. */
    public final synchronized void unblock() {
        if (--blocked == 0) {
            unqueue();
        }
    }

    /**
     * Timer thread, after taking this timer out of the heap where it was queued for
     * {@code queuedWhen}: fires it unless it was stopped, re-armed or re-queued meanwhile.
     */
    final synchronized void run(long queuedWhen, long now) {
        if (heapIndex < 0 && when == queuedWhen) {
            fireLocked(now);
        }
    }

    /** Monitor held, timer due and not queued: fires it, and arms a ticker's next tick. */
    private void fireLocked(long now) {
        long due = when;
        if (period > 0) {
            setWhen(nextTick(due, now));
            queue();
        } else {
            setWhen(0);
        }
        fire(now - due);
    }

    /** Monitor held, timer armed and not queued: queues it if something waits for it. */
    private void queue() {
        if (!lazy || blocked > 0) {
            service.add(this, when);
        }
    }

    /** Monitor held: arms the timer for {@code w}, or disarms it with 0. */
    private void setWhen(long w) {
        WHEN.setOpaque(this, w);
    }

    /** Monitor held: takes the timer out of the heap if it is there. */
    private void unqueue() {
        if (heapIndex >= 0) {
            service.remove(this);
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

    /**
     * With the monitor held: does what the timer is for. Runs on the timer thread, or on a
     * receiver's thread for a lazy timer found due. Must not block.
     *
     * @param lateNanos how long after its due time the timer fires
     */
    protected abstract void fire(long lateNanos);

    /**
     * With the monitor held: takes back a value sent by an earlier firing that nobody received.
     *
     * @return whether there was one
     */
    protected boolean drain() {
        return false;
    }
}
