package io.go4j.bench.runtime;

import static io.go4j.bench.runtime.Latencies.MAX;
import static io.go4j.bench.runtime.Latencies.P50;
import static io.go4j.bench.runtime.Latencies.P99;

import io.go4j.bench.Workers;
import io.go4j.time.Time;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Latency under CPU load, a workload from issue 22: for {@value #SECONDS} s, two threads spin
 * without ever blocking while a third sleeps 1 ms in a loop; each sleep's lateness is the time
 * it took beyond its millisecond. On two cores the spinners take both, and the sleeper runs only
 * if the scheduler takes a core from one of them: Go preempts a goroutine that has run for 10 ms;
 * go4j's sysmon hands a carrier that has not switched for 20 ms over to a spare one; the JDK's
 * default scheduler does neither, so its sleeper waits until the spinners stop.
 *
 * <p>Not a JMH benchmark: the measure is the spread of single sleeps. Prints, per variant, a
 * line in the shape of {@code go test -bench} output, {@code LoadLatency/NAME SLEEPS P50 p50-ms
 * P99 p99-ms MAX max-ms}, and appends it to the output file, if any. Its Go twin is
 * {@code BenchmarkLoadLatency} in {@code benchmarks/go/workload_test.go}, run with
 * {@code -benchtime 1x}.
 *
 * <p>The variants: goroutines on go4j's default scheduler sleeping with {@link Time#sleep}
 * ({@code go4j}); plain JDK virtual threads sleeping with {@link Thread#sleep}, on the default
 * scheduler ({@code virtualThread}); platform threads, which the operating system time-slices
 * ({@code platformThread}).
 *
 * <p>Usage: {@code LoadLatency [output-file]}.
 */
public final class LoadLatency {

    /** How long each variant runs. */
    static final int SECONDS = 3;

    /** How a variant sleeps for a millisecond. */
    @FunctionalInterface
    private interface Sleep {
        void sleepOneMilli() throws InterruptedException;
    }

    /** A variant: its threads and how its sleeper sleeps. */
    private record Variant(String name, Supplier<Workers> workers, Sleep sleep) {
    }

    private LoadLatency() {
    }

    /**
     * Runs each variant and reports its lateness percentiles.
     *
     * @param args the file to append the lines to, if any
     * @throws Exception if a thread failed or hung
     */
    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : null;
        List<Variant> variants = List.of(
                new Variant("go4j", Workers::goroutines, () -> Time.sleep(Duration.ofMillis(1))),
                new Variant("virtualThread", Workers::virtualThreads, () -> Thread.sleep(1)),
                new Variant("platformThread", Workers::platformThreads, () -> Thread.sleep(1)));
        for (Variant v : variants) {
            Latencies latencies = Latencies.of(run(v));
            String name = "LoadLatency/" + v.name();
            Latencies.report(latencies.line(name, TimeUnit.MILLISECONDS, P50, P99, MAX), out);
        }
    }

    /** One run of a variant: the lateness of each of its sleeps, in nanoseconds. */
    private static long[] run(Variant v) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        Workers w = v.workers().get();
        long[][] lateness = new long[1][];
        CountDownLatch sleeping = new CountDownLatch(1);
        w.start(() -> {
            long[] late = new long[SECONDS * 1_000];
            int n = 0;
            long oneMilli = TimeUnit.MILLISECONDS.toNanos(1);
            sleeping.countDown();
            for (long start = System.nanoTime(); start < deadline && n < late.length;
                    start = System.nanoTime()) {
                v.sleep().sleepOneMilli();
                late[n++] = System.nanoTime() - start - oneMilli;
            }
            lateness[0] = Arrays.copyOf(late, n);
        });
        // The spinners start once the sleeper runs: else they could take both cores before it.
        Workers.await(sleeping);
        for (int i = 0; i < 2; i++) {
            w.start(() -> {
                while (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            });
        }
        w.joinAll();
        return lateness[0];
    }
}
