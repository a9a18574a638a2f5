package io.go4j.internal.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Go's {@code sysmon}: one daemon thread that looks at every scheduler and every
 * {@code Go.main} program every {@link #PERIOD_NANOS}. It compensates for workers stuck in one
 * goroutine ({@link CarrierPool#monitor}) and detects deadlocked programs
 * ({@link Program#checkDeadlock}). With no program to watch and every worker idle it parks
 * until a worker is woken, so an idle JVM pays nothing for it.
 */
final class Sysmon {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final Set<CarrierPool> POOLS = ConcurrentHashMap.newKeySet();
    private static final Set<Program> PROGRAMS = ConcurrentHashMap.newKeySet();
    private static final Thread THREAD = Thread.ofPlatform().name("go4j-sysmon").daemon().unstarted(Sysmon::loop);
    /** True while the thread parks with no deadline; whoever makes work then must unpark it. */
    private static volatile boolean dormant;

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

    /** Ends a dormant period: a worker was woken, or there is something new to watch. */
    static void nudge() {
        if (dormant) {
            LockSupport.unpark(THREAD);
        }
    }

    private static void loop() {
        while (true) {
            if (quiet()) {
                dormant = true;
                if (quiet()) {
                    LockSupport.park();
                }
                dormant = false;
            } else {
                LockSupport.parkNanos(PERIOD_NANOS);
            }
            long now = System.nanoTime();
            for (CarrierPool pool : POOLS) {
                pool.monitor(now);
            }
            for (Program program : PROGRAMS) {
                program.checkDeadlock();
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
