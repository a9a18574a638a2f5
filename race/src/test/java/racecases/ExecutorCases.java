package racecases;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tasks handed to {@code java.util.concurrent} by the calls whose task is not their last
 * argument: {@code schedule}, {@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay},
 * {@code invokeAll} and {@code invokeAny}. Each race-free program here was reported before the
 * detector wrapped those tasks.
 */
public final class ExecutorCases {

    private ExecutorCases() {
    }

    /** A scheduled task sees what the submitter wrote; its Future's get sees what it wrote. */
    public static void noRaceSchedule() throws Exception {
        V x = new V();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
        try {
            x.v = 1;
            pool.schedule(() -> {
                x.v++;
            }, 1, TimeUnit.MILLISECONDS).get();
            x.v++;
            Callable<Long> next = () -> x.v + 1L;
            x.l = pool.schedule(next, 1, TimeUnit.MILLISECONDS).get();
            x.v = (int) x.l;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A write between schedule and get races with the task. The task writes after the caller
     * (a system property tells it, which the detector does not see as synchronization): had it
     * ended before schedule returned, the call's coarse java.util.concurrent edge would order it.
     */
    public static void raceSchedule() throws Exception {
        V x = new V();
        String written = "racecases.ExecutorCases.raceSchedule";
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(1);
        try {
            ScheduledFuture<?> done = pool.schedule(() -> {
                awaitProperty(written);
                x.v = 1;
            }, 1, TimeUnit.MILLISECONDS);
            x.v = 2;
            System.setProperty(written, "yes");
            done.get();
        } finally {
            pool.shutdown();
        }
    }

    /** Waits, on a thread of a pool, until a system property is set. */
    static void awaitProperty(String key) {
        while (System.getProperty(key) == null) {
            Thread.yield();
        }
    }

    /**
     * The runs of a periodic task, on either of two pool threads, each see the submitter's writes
     * and the run before theirs.
     */
    public static void noRacePeriodicRuns() throws Exception {
        V x = new V();
        V runs = new V();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
        try {
            x.v = 5;
            CountDownLatch fixedRate = new CountDownLatch(4);
            ScheduledFuture<?> a = pool.scheduleAtFixedRate(() -> {
                runs.v += x.v;
                fixedRate.countDown();
            }, 0, 1, TimeUnit.MILLISECONDS);
            fixedRate.await();
            a.cancel(false);
            CountDownLatch fixedDelay = new CountDownLatch(4);
            ScheduledFuture<?> b = pool.scheduleWithFixedDelay(() -> {
                runs.l += x.v;
                fixedDelay.countDown();
            }, 0, 1, TimeUnit.MILLISECONDS);
            fixedDelay.await();
            b.cancel(false);
        } finally {
            pool.shutdown();
        }
    }

    /** invokeAll's and invokeAny's tasks see what the caller wrote, and it sees their ends. */
    public static void noRaceInvokeAllAny() throws Exception {
        V x = new V();
        V y = new V();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            x.v = 1;
            y.v = 2;
            List<Callable<Integer>> both = List.of(() -> x.v++, () -> y.v++);
            List<Future<Integer>> results = pool.invokeAll(both);
            x.l = results.get(0).get() + results.get(1).get() + x.v + y.v;
            results = pool.invokeAll(both, 1, TimeUnit.MINUTES);
            x.l += x.v + y.v;
            List<Callable<Integer>> one = List.of(() -> x.v + y.v);
            x.v = pool.invokeAny(one);
            y.v = pool.invokeAny(one, 1, TimeUnit.MINUTES);
        } finally {
            pool.shutdown();
        }
    }
}
