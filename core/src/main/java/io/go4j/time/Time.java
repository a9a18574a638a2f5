package io.go4j.time;

import io.go4j.GoInterruptedException;
import io.go4j.RecvChan;
import io.go4j.internal.runtime.ChanTimer;
import io.go4j.internal.runtime.FuncTimer;
import io.go4j.internal.runtime.TimerService;
import java.time.Duration;
import java.time.Instant;

/**
 * Go's {@code time} package, the part about waiting: {@code time.After}, {@code Tick},
 * {@code Sleep}, {@code NewTimer}, {@code NewTicker} and {@code AfterFunc}; and, for ported
 * prints and measurements, {@code Since}, {@code Until} and {@code Duration.String}.
 *
 * <pre>{@code
 * // select {
 * // case v := <-in:                 use(v)
 * // case <-time.After(time.Second): timedOut()
 * // }
 * Select.select(
 *         Select.recv(in, v -> use(v)),
 *         Select.recv(Time.after(Duration.ofSeconds(1)), t -> timedOut()));
 * }</pre>
 *
 * <p>Durations are {@link Duration}s, times on channels are {@link Instant}s. A zero or negative
 * duration means "now"; durations beyond Go's limit (about 292 years) are clamped to it.
 *
 * <p>Timers follow Go 1.23: a timer or ticker that nothing references any more is collected
 * even if it was never stopped (so {@code after} in a loop does not pile up timers: a timer is
 * queued only while a receiver is blocked on its channel), and after
 * {@link Timer#stop()} or a {@code reset} returns, no value sent for the earlier setting can be
 * received. Timer channels report a {@code len()} and {@code cap()} of 0, as Go 1.23's
 * synchronous timer channels do. All timers are served by one thread per
 * timer service; none runs on a thread of its own, and a {@code select} with an {@code after}
 * case starts no thread.
 */
public final class Time {

    private Time() {
    }

    /**
     * Returns a channel that receives the current time once {@code d} has elapsed: Go's
     * {@code time.After(d)}. The timer cannot be stopped; it costs nothing once nothing
     * references the channel any more.
     *
     * @param d how long to wait
     * @return a channel that will receive one value
     */
    public static RecvChan<Instant> after(Duration d) {
        ChanTimer t = new ChanTimer(TimerService.current());
        t.arm(TimerService.toNanos(d), 0);
        return t.c();
    }

    /**
     * Returns the channel of a new ticker that cannot be stopped: Go's {@code time.Tick(d)}.
     * Once nothing references the channel, the ticker goes away.
     *
     * @param d the period
     * @return the ticker's channel, or {@code null} (Go's nil channel, never ready in a select)
     *     if {@code d} is zero or negative
     */
    public static RecvChan<Instant> tick(Duration d) {
        if (TimerService.toNanos(d) <= 0) {
            return null;
        }
        return newTicker(d).c();
    }

    /**
     * Pauses the calling goroutine (or thread) for at least {@code d}: Go's
     * {@code time.Sleep(d)}. Returns at once if {@code d} is zero or negative.
     *
     * @param d how long to sleep
     * @throws GoInterruptedException if the thread is interrupted before or while it sleeps; the
     *     interrupt status stays set
     */
    public static void sleep(Duration d) {
        TimerService.current().sleep(TimerService.toNanos(d));
    }

    /**
     * Creates a timer that sends the current time on its channel once {@code d} has elapsed: Go's
     * {@code time.NewTimer(d)}.
     *
     * @param d how long to wait
     * @return the running timer
     */
    public static Timer newTimer(Duration d) {
        ChanTimer timer = new ChanTimer(TimerService.current());
        timer.arm(TimerService.toNanos(d), 0);
        return new Timer(timer, timer.c());
    }

    /**
     * Creates a ticker that sends the current time on its channel every {@code d}: Go's
     * {@code time.NewTicker(d)}. Ticks that a slow receiver has no room for are dropped.
     *
     * @param d the period
     * @return the running ticker
     * @throws IllegalArgumentException with Go's message {@code non-positive interval for
     *     NewTicker} if {@code d} is zero or negative
     */
    public static Ticker newTicker(Duration d) {
        long period = TimerService.toNanos(d);
        if (period <= 0) {
            throw new IllegalArgumentException("non-positive interval for NewTicker");
        }
        return new Ticker(period);
    }

    /**
     * Runs {@code f} in a new goroutine once {@code d} has elapsed: Go's
     * {@code time.AfterFunc(d, f)}. The goroutine runs on the calling goroutine's scheduler and
     * belongs to its {@link io.go4j.Go#main Go.main} program, so an exception thrown by {@code f}
     * ends that program, as a panic in Go's would.
     *
     * @param d how long to wait
     * @param f what to run
     * @return a timer whose {@link Timer#stop()} cancels the call; its {@link Timer#c()} is null
     */
    public static Timer afterFunc(Duration d, Runnable f) {
        FuncTimer timer = new FuncTimer(TimerService.current(), f);
        timer.arm(TimerService.toNanos(d), 0);
        return new Timer(timer, null);
    }

    /**
     * The time elapsed since {@code t}: Go's {@code time.Since(t)}. Measured on the wall clock,
     * which {@link Instant} is; Go uses the monotonic reading that its {@code time.Now()} carries,
     * so a wall-clock step between {@code t} and now shows here and not in Go.
     *
     * @param t an earlier time, for instance one received from a timer's channel
     * @return how long ago {@code t} was; negative if {@code t} is in the future
     */
    public static Duration since(Instant t) {
        return Duration.between(t, Instant.now());
    }

    /**
     * The time left until {@code t}: Go's {@code time.Until(t)}, on the wall clock (see
     * {@link #since}).
     *
     * @param t a later time
     * @return how long until {@code t}; negative if {@code t} is past
     */
    public static Duration until(Instant t) {
        return Duration.between(Instant.now(), t);
    }

    /**
     * Formats {@code d} as Go's {@code Duration.String} does, so that a ported print shows what
     * Go's shows: {@code 72.6ms}, {@code 1h2m0.5s}, {@code 1.1µs}, {@code 0s}; the largest unit
     * is the hour, and a fraction keeps only its significant digits. Java's
     * {@link Duration#toString()} would print {@code PT0.0726S}.
     *
     * @param d the duration; beyond Go's range (about 292 years either way) it is clamped to it
     * @return Go's text for it
     */
    public static String format(Duration d) {
        long nanos = TimerService.toNanos(d);
        if (nanos == 0) {
            return "0s";
        }
        // The magnitude as an unsigned long: -Long.MIN_VALUE does not fit a signed one.
        long u = nanos < 0 ? -nanos : nanos;
        char[] buf = new char[32];
        int w = buf.length;
        buf[--w] = 's';
        int fractionDigits;
        if (Long.compareUnsigned(u, 1_000) < 0) {
            fractionDigits = 0;
            buf[--w] = 'n';
        } else if (Long.compareUnsigned(u, 1_000_000) < 0) {
            fractionDigits = 3;
            buf[--w] = '\u00b5';
        } else if (Long.compareUnsigned(u, 1_000_000_000) < 0) {
            fractionDigits = 6;
            buf[--w] = 'm';
        } else {
            fractionDigits = 9;
        }
        boolean significant = false;
        for (int i = 0; i < fractionDigits; i++) {
            int digit = (int) Long.remainderUnsigned(u, 10);
            significant |= digit != 0;
            if (significant) {
                buf[--w] = (char) ('0' + digit);
            }
            u = Long.divideUnsigned(u, 10);
        }
        if (significant) {
            buf[--w] = '.';
        }
        if (fractionDigits < 9) {
            w = putDigits(buf, w, u);
        } else {
            // Whole seconds now, small enough for signed arithmetic.
            w = putDigits(buf, w, u % 60);
            long minutes = u / 60;
            if (minutes > 0) {
                buf[--w] = 'm';
                w = putDigits(buf, w, minutes % 60);
                long hours = minutes / 60;
                if (hours > 0) {
                    buf[--w] = 'h';
                    w = putDigits(buf, w, hours);
                }
            }
        }
        if (nanos < 0) {
            buf[--w] = '-';
        }
        return new String(buf, w, buf.length - w);
    }

    /** Writes {@code v >= 0} in decimal to end just before {@code end}; returns its start. */
    private static int putDigits(char[] buf, int end, long v) {
        int w = end;
        do {
            buf[--w] = (char) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        return w;
    }
}
