package io.go4j.bench.time;

import io.go4j.time.Time;
import io.go4j.time.Timer;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Arming {@value #TIMERS} one-hour timers, then stopping all of them: nanoseconds per timer
 * (arm plus stop), with up to {@value #TIMERS} timers pending at once, so the timer queue's
 * O(log n) costs show.
 *
 * <ul>
 *   <li>{@code go4j_newTimer}: {@code Time.newTimer(1 hour)}, then {@code stop()} (Go's
 *       {@code time.NewTimer} / {@code Stop}); each timer has its own channel.
 *   <li>{@code go4j_afterFunc}: {@code Time.afterFunc(1 hour, f)}, then {@code stop()}.
 *   <li>{@code scheduledThreadPoolExecutor}: {@code schedule(f, 1, HOURS)}, then
 *       {@code cancel(false)}, on a one-thread {@code ScheduledThreadPoolExecutor} with
 *       {@code setRemoveOnCancelPolicy(true)}, so that a cancelled task leaves the queue at once
 *       as a stopped go4j timer does (without it, a million cancelled tasks would wait an hour in
 *       the queue).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class TimerCreateStopBenchmark {

    /** Timers per invocation. */
    static final int TIMERS = 1_000_000;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Runnable NOTHING = () -> { };

    private final Timer[] timers = new Timer[TIMERS];
    private final ScheduledFuture<?>[] futures = new ScheduledFuture<?>[TIMERS];
    private ScheduledThreadPoolExecutor executor;

    @Setup
    public void setUp() {
        executor = new ScheduledThreadPoolExecutor(1);
        executor.setRemoveOnCancelPolicy(true);
    }

    @TearDown
    public void tearDown() {
        executor.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int go4j_newTimer() {
        for (int i = 0; i < TIMERS; i++) {
            timers[i] = Time.newTimer(HOUR);
        }
        return stopAll();
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int go4j_afterFunc() {
        for (int i = 0; i < TIMERS; i++) {
            timers[i] = Time.afterFunc(HOUR, NOTHING);
        }
        return stopAll();
    }

    private int stopAll() {
        int stopped = 0;
        for (int i = 0; i < TIMERS; i++) {
            if (timers[i].stop()) {
                stopped++;
            }
            timers[i] = null;
        }
        return stopped;
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int scheduledThreadPoolExecutor() {
        for (int i = 0; i < TIMERS; i++) {
            futures[i] = executor.schedule(NOTHING, 1, TimeUnit.HOURS);
        }
        int cancelled = 0;
        for (int i = 0; i < TIMERS; i++) {
            if (futures[i].cancel(false)) {
                cancelled++;
            }
            futures[i] = null;
        }
        return cancelled;
    }
}
