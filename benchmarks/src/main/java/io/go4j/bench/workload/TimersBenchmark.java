package io.go4j.bench.workload;

import io.go4j.bench.Workers;
import io.go4j.time.Time;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Many timers: {@value #SLEEPERS} goroutines, each sleeping {@value #SLEEPS} times for a random
 * 1 to 20 ms (the same durations, from a fixed seed, in every variant); nanoseconds per sleep,
 * wall time over all sleeps (10<sup>9</sup> / score sleeps per second). With 10.5 ms of sleep on
 * average, a perfect timer system would do about 950,000 sleeps a second. Go twin:
 * {@code BenchmarkTimers} in {@code benchmarks/go/workload_test.go}.
 *
 * <p>The variants: goroutines with go4j's {@link Time#sleep} ({@code go4jTimeSleep}) and with
 * {@link Thread#sleep} ({@code go4jThreadSleep}), and plain JDK virtual threads with
 * {@link Thread#sleep} ({@code virtualThreads}). Platform threads are left out: ten thousand
 * operating-system threads measure the machine, not a timer system.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class TimersBenchmark {

    /** Sleeping threads per invocation. */
    static final int SLEEPERS = 10_000;
    /** Sleeps per thread. */
    static final int SLEEPS = 5;

    /** How a variant sleeps. */
    @FunctionalInterface
    interface Sleep {
        void sleep(int millis) throws InterruptedException;
    }

    /** The durations in ms, {@link #SLEEPS} per thread. */
    private int[] millis;

    @Setup
    public void setUp() {
        millis = new Random(42).ints(SLEEPERS * SLEEPS, 1, 21).toArray();
    }

    @Benchmark
    @OperationsPerInvocation(SLEEPERS * SLEEPS)
    public void go4jTimeSleep() throws InterruptedException {
        run(Workers.goroutines(), ms -> Time.sleep(Duration.ofMillis(ms)));
    }

    @Benchmark
    @OperationsPerInvocation(SLEEPERS * SLEEPS)
    public void go4jThreadSleep() throws InterruptedException {
        run(Workers.goroutines(), Thread::sleep);
    }

    @Benchmark
    @OperationsPerInvocation(SLEEPERS * SLEEPS)
    public void virtualThreads() throws InterruptedException {
        run(Workers.virtualThreads(), Thread::sleep);
    }

    /** Starts the sleepers on threads of {@code w} and waits for all of them. */
    private void run(Workers w, Sleep sleep) throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(SLEEPERS);
        for (int t = 0; t < SLEEPERS; t++) {
            int first = t * SLEEPS;
            w.spawn(() -> {
                try {
                    for (int i = first; i < first + SLEEPS; i++) {
                        sleep.sleep(millis[i]);
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                finished.countDown();
            });
        }
        Workers.await(finished);
    }
}
