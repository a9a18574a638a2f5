package io.go4j.internal.runtime;

import io.go4j.GoInterruptedException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The timers of one scheduler: Go's per-P timer heap ({@code runtime/time.go}) served by one
 * thread.
 *
 * <p>A 4-ary min-heap, ordered by due time, holds the armed {@link RuntimeTimer}s; each timer
 * knows its index, so stopping or re-arming one costs O(log n). The due times sit in an array of
 * their own beside the timers, so sifting compares them without touching the timers (Go keeps
 * {@code when} in its heap slice for the same reason). One daemon platform thread, started with
 * the first timer, parks until the earliest due time, takes the due timers out one by one and
 * fires them; firing never blocks (a channel timer does a non-blocking send on a channel with
 * room for one value, a function timer starts a goroutine). Adding a timer that becomes the
 * earliest wakes the thread only if it is parked until later. Nothing else runs on that thread,
 * so no timer ever occupies a carrier of goroutines.
 *
 * <p>A channel timer is in the heap only while a receiver is blocked on its channel (see
 * {@link RuntimeTimer}), so the heap holds no timer that nobody waits for: a loop of
 * {@code select}s each with {@code Time.after(1 hour)} leaves nothing behind, and a
 * {@code select} whose other case is ready never touches the heap. Taking a timer out does not
 * wake the thread: it wakes at the due time it parked for, finds nothing due and parks again,
 * which spares an unpark to the common add-then-remove of a timeout that was not needed.
 *
 * <p>Times are nanoseconds on the service's own monotonic clock, which reads 1 when the service
 * is created, so that 0 can mean "not armed" and far deadlines saturate at
 * {@link Long#MAX_VALUE} instead of wrapping.
 */
public final class TimerService {

    /** Every service whose thread runs: those that may have timers pending. */
    private static final Set<TimerService> LIVE = ConcurrentHashMap.newKeySet();
    private static final TimerService DEFAULT = new TimerService();
    private static final int INITIAL_CAPACITY = 16;

    /** {@link System#nanoTime()} when this service's clock read 0. */
    private final long origin = System.nanoTime() - 1;
    private final ReentrantLock lock = new ReentrantLock();

    // ---- guarded by lock ----
    private RuntimeTimer[] timers = new RuntimeTimer[INITIAL_CAPACITY];
    /** {@code whens[i]} is the due time of {@code timers[i]}. */
    private long[] whens = new long[INITIAL_CAPACITY];
    private int size;
    /**
     * 1 while the timer thread fires a timer it took out of the heap: until the firing is over
     * (a value sent, a sleeper unparked, a ticker queued again), the timer may still wake
     * someone, though the heap no longer shows it.
     */
    private int firing;
    /**
     * The due time the timer thread parks until ({@link Long#MAX_VALUE}: no timer), or
     * {@link Long#MIN_VALUE} while it runs and will look at the heap again before parking.
     */
    private long parkedUntil = Long.MIN_VALUE;
    /** The timer thread; null until a timer is added, and again once a closed service's exits. */
    private Thread thread;
    /**
     * Set by {@link #close()}: the thread exits once the heap is empty. Timers made on the
     * service's scheduler may still be armed after that (a receive from a {@code Time.after}
     * channel, a context's deadline): the next one starts a thread again.
     */
    private boolean closed;

    /** Creates a service with no timers; its thread starts with the first timer. */
    public TimerService() {
    }

    /**
     * Returns the service of the default scheduler, which also serves threads that are not
     * goroutines.
     *
     * @return the shared default service
     */
    public static TimerService defaultService() {
        return DEFAULT;
    }

    /**
     * Returns the service of the calling goroutine's scheduler, or the default service when the
     * caller is not a goroutine.
     *
     * @return the timer service to use
     */
    public static TimerService current() {
        SchedulerCore scheduler = Goroutines.currentScheduler();
        return scheduler == null ? DEFAULT : scheduler.timers();
    }

    /**
     * Tells whether any service has a timer that may still wake something ({@link #hasPending()}).
     *
     * @return whether deadlock detection must wait for a timer
     */
    public static boolean anyPending() {
        for (TimerService service : LIVE) {
            if (service.hasPending()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes the service when its scheduler closes: timers already queued still fire, then its
     * thread exits; a timer armed later starts it again, and it exits again once idle.
     */
    public void close() {
        Thread wake;
        lock.lock();
        try {
            closed = true;
            wake = wakeLocked();
        } finally {
            lock.unlock();
        }
        if (wake != null) {
            LockSupport.unpark(wake);
        }
    }

    /**
     * Tells whether a timer is queued or being fired: a function timer, a sleeping goroutine, or a
     * channel timer that a receiver is blocked on. Deadlock detection must not report a deadlock
     * while this holds. A channel timer that nobody waits for is not queued, and cannot wake
     * anyone: a receiver would find it due by itself.
     *
     * @return whether some timer may still fire to some effect
     */
    public boolean hasPending() {
        lock.lock();
        try {
            return size > 0 || firing > 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks the calling thread (goroutine or not) for {@code nanos} nanoseconds: Go's
     * {@code time.Sleep}. Returns at once if {@code nanos} is 0 or less.
     *
     * @param nanos how long to sleep
     * @throws GoInterruptedException if the thread is interrupted before or while it sleeps; the
     *     interrupt status stays set
     */
    public void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new GoInterruptedException();
        }
        Sleeper s = new Sleeper(this, Thread.currentThread());
        s.arm(nanos, 0);
        if (!parkSleeping(s)) {
            s.stop();
            throw new GoInterruptedException();
        }
    }

    /**
     * The one place where a thread sleeps: parks until {@code s} fires.
     *
     * @return true once it fired, false if the thread was interrupted first
     */
    private static boolean parkSleeping(Sleeper s) {
        return Goroutines.parkUntil(s, WaitReason.SLEEP, () -> s.woken);
    }

    /** The timer of one {@link #sleep(long)}: wakes the sleeping thread. */
    private static final class Sleeper extends RuntimeTimer {
        volatile boolean woken;

        private final Thread sleeper;

        Sleeper(TimerService service, Thread sleeper) {
            super(service, false);
            this.sleeper = sleeper;
        }

        @Override
        protected void fire(long lateNanos) {
            woken = true;
            LockSupport.unpark(sleeper);
        }
    }

    /**
     * Converts a duration to nanoseconds, saturating instead of overflowing as Go's durations
     * (an int64 of nanoseconds) cannot be longer than about 292 years.
     *
     * @param d a duration
     * @return its length in nanoseconds, clamped to the range of a {@code long}
     */
    public static long toNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The service's clock: nanoseconds since just before it was created, at least 1. */
    long nanoTime() {
        return System.nanoTime() - origin;
    }

    /** The due time {@code delayNanos} from now, saturating, at least 1. */
    long deadline(long delayNanos) {
        long now = nanoTime();
        if (delayNanos <= 0) {
            return now;
        }
        return delayNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delayNanos;
    }

    /** Queues {@code t}, which is not queued, to fire at {@code when}. */
    void add(RuntimeTimer t, long when) {
        Thread wake = null;
        lock.lock();
        try {
            if (size == timers.length) {
                timers = Arrays.copyOf(timers, size * 2);
                whens = Arrays.copyOf(whens, size * 2);
            }
            timers[size] = t;
            whens[size] = when;
            siftUp(size++);
            if (thread == null) {
                LIVE.add(this);
                thread = new RuntimeThread("go4j-timer", this::loop);
                thread.start();
            }
            if (t.heapIndex == 0 && when < parkedUntil) {
                wake = wakeLocked();
            }
        } finally {
            lock.unlock();
        }
        if (wake != null) {
            LockSupport.unpark(wake);
        }
    }

    /** Takes {@code t} out of the heap if it is queued. */
    void remove(RuntimeTimer t) {
        lock.lock();
        try {
            if (t.heapIndex >= 0) {
                removeAt(t.heapIndex);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lock held: the thread to unpark so that it looks at the heap again, or null if it runs. */
    private Thread wakeLocked() {
        if (parkedUntil == Long.MIN_VALUE) {
            return null;
        }
        parkedUntil = Long.MIN_VALUE;
        return thread;
    }

    /** The timer thread: fires due timers, parks until the next due time. */
    private void loop() {
        for (;;) {
            RuntimeTimer due = null;
            long dueWhen = 0;
            long now;
            long until;
            lock.lock();
            try {
                parkedUntil = Long.MIN_VALUE;
                now = nanoTime();
                if (size > 0 && whens[0] <= now) {
                    due = timers[0];
                    dueWhen = whens[0];
                    removeAt(0);
                    firing = 1;
                } else if (closed && size == 0) {
                    LIVE.remove(this);
                    thread = null;
                    return;
                } else {
                    parkedUntil = size > 0 ? whens[0] : Long.MAX_VALUE;
                }
                until = parkedUntil;
            } finally {
                lock.unlock();
            }
            if (due != null) {
                fire(due, dueWhen, now);
                firingOver();
            } else if (until == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, until - now);
            }
        }
    }

    private void firingOver() {
        lock.lock();
        try {
            firing = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Fires one timer; whatever it throws goes to the thread's handler, and the loop goes on. */
    private static void fire(RuntimeTimer t, long dueWhen, long now) {
        try {
            t.run(dueWhen, now);
        } catch (RuntimeException | Error e) {
            Thread self = Thread.currentThread();
            self.getUncaughtExceptionHandler().uncaughtException(self, e);
        }
    }

    private void removeAt(int i) {
        RuntimeTimer t = timers[i];
        t.heapIndex = -1;
        int last = --size;
        if (timers.length > INITIAL_CAPACITY && size < timers.length / 4) {
            timers = Arrays.copyOf(timers, timers.length / 2);
            whens = Arrays.copyOf(whens, whens.length / 2);
        }
        if (i != last) {
            timers[i] = timers[last];
            whens[i] = whens[last];
            timers[i].heapIndex = i;
            timers[last] = null;
            if (i > 0 && whens[i] < whens[(i - 1) >>> 2]) {
                siftUp(i);
            } else {
                siftDown(i);
            }
        } else {
            timers[last] = null;
        }
    }

    private void siftUp(int i) {
        RuntimeTimer t = timers[i];
        long when = whens[i];
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (whens[parent] <= when) {
                break;
            }
            place(i, timers[parent], whens[parent]);
            i = parent;
        }
        place(i, t, when);
    }

    private void siftDown(int i) {
        RuntimeTimer t = timers[i];
        long when = whens[i];
        for (;;) {
            int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            int least = first;
            for (int c = first + 1, end = Math.min(first + 4, size); c < end; c++) {
                if (whens[c] < whens[least]) {
                    least = c;
                }
            }
            if (whens[least] >= when) {
                break;
            }
            place(i, timers[least], whens[least]);
            i = least;
        }
        place(i, t, when);
    }

    private void place(int i, RuntimeTimer t, long when) {
        timers[i] = t;
        whens[i] = when;
        t.heapIndex = i;
    }
}
