package io.go4j.internal.runtime;

import java.lang.invoke.VarHandle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Go's {@code sysmon}: one daemon thread that looks at every scheduler and every
 * {@code Go.main} program every {@link #PERIOD_NANOS}. It ends time slices and compensates for
 * workers stuck in one goroutine ({@link CarrierPool#monitor}) and detects deadlocked programs
 * ({@link Program#checkDeadlock}). While workers run beside idle ones, it also looks at their
 * {@code runnext} slots, every {@link #WATCH_NANOS} to {@link #WATCH_MAX_NANOS}, for a goroutine
 * left there by a waker that keeps running ({@link CarrierPool#watchRunnext}). With no program
 * to watch and every worker idle it parks until a worker is woken, so an idle JVM pays nothing
 * for it.
 */
final class Sysmon {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * The shortest period of the runnext watch. A timed park sleeps some 50 µs more than asked
     * on Linux (its timer slack), so a look comes every 70 µs or so: a goroutine left in
     * {@code runnext} is found within two looks.
     */
    private static final long WATCH_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    /**
     * The longest period of the runnext watch, while runnext goroutines keep being run promptly.
     */
    private static final long WATCH_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final Set<CarrierPool> POOLS = ConcurrentHashMap.newKeySet();
    private static final Set<Program> PROGRAMS = ConcurrentHashMap.newKeySet();
    private static final Thread THREAD = new RuntimeThread("go4j-sysmon", Sysmon::loop);
    /** True while the thread parks with no deadline; whoever makes work then must unpark it. */
    private static volatile boolean dormant;
    /** True while sysmon watches runnext slots, looking every {@link #WATCH_NANOS} or more. */
    private static volatile boolean watching;
    /**
     * {@link System#nanoTime()} as of sysmon's latest look, at most {@link #PERIOD_NANOS} old
     * while sysmon is awake; 0 while it is dormant or not yet started, when nobody keeps it fresh.
     */
    private static volatile long clock;

    static {
        THREAD.start();
    }

    private Sysmon() {
    }

    static void watch(CarrierPool pool) {
        POOLS.add(pool);
        nudge();
    }

    static void unwatch(CarrierPool pool) {
        POOLS.remove(pool);
    }

    static void watch(Program program) {
        PROGRAMS.add(program);
        nudge();
    }

    static void unwatch(Program program) {
        PROGRAMS.remove(program);
    }

    /**
     * Returns the time, as {@link System#nanoTime()} does, give or take one sysmon period: what a
     * goroutine records when it blocks, for dumps that count the minutes it has been blocked.
     * Reading the real clock on every block costs a blocking operation as much as a few atomic
     * instructions; Go too records the start of a wait only roughly ({@code g.waitsince}).
     */
    static long coarseNanoTime() {
        long c = clock;
        return c != 0 ? c : System.nanoTime();
    }

    /** Ends a dormant period: a worker was woken, or there is something new to watch. */
    static void nudge() {
        if (dormant) {
            LockSupport.unpark(THREAD);
        }
    }

    /**
     * A goroutine was put in a running worker's {@code runnext} while a worker idles: sysmon
     * starts watching, if it was not, so that the goroutine does not wait there for its waker
     * to block. Costs a volatile read while sysmon watches already.
     */
    static void watchRunnext() {
        if (!watching) {
            watching = true;
            LockSupport.unpark(THREAD);
        }
    }

    private static void loop() {
        long nextLook = System.nanoTime();
        long watchPeriod = WATCH_NANOS;
        boolean watchedBefore = false;
        while (true) {
            if (quiet()) {
                clock = 0;
                dormant = true;
                if (quiet()) {
                    LockSupport.park();
                }
                dormant = false;
            } else {
                LockSupport.parkNanos(watching ? watchPeriod
                        : Math.max(0, nextLook - System.nanoTime()));
            }
            long now = System.nanoTime();
            // Disarmed before the look, never after it: a waker that puts a goroutine in runnext
            // and then finds the flag set has put it before this write, so the look sees it.
            // Clearing the flag after the look lost such a put until the next 10 ms look (wake-up
            // p99 3.8 ms on a quiet machine).
            watching = false;
            VarHandle.fullFence();
            int watch = CarrierPool.WATCH_NOTHING;
            for (CarrierPool pool : POOLS) {
                watch = Math.max(watch, pool.watchRunnext());
            }
            watchPeriod = watch >= CarrierPool.WATCH_SLOW || !watchedBefore ? WATCH_NANOS
                    : Math.min(2 * watchPeriod, WATCH_MAX_NANOS);
            watchedBefore = watch != CarrierPool.WATCH_NOTHING;
            if (watchedBefore) {
                watching = true;
            }
            if (now - nextLook >= 0) {
                nextLook = now + PERIOD_NANOS;
                clock = now;
                for (CarrierPool pool : POOLS) {
                    pool.monitor(now);
                }
                for (Program program : PROGRAMS) {
                    program.checkDeadlock(now);
                }
            }
        }
    }

    private static boolean quiet() {
        if (!PROGRAMS.isEmpty()) {
            return false;
        }
        for (CarrierPool pool : POOLS) {
            if (!pool.allIdle()) {
                return false;
            }
        }
        return true;
    }
}
