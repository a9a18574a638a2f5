package io.go4j.bench.runtime;

import static io.go4j.bench.runtime.Latencies.MAX;
import static io.go4j.bench.runtime.Latencies.P50;

import io.go4j.Chan;
import io.go4j.bench.Items;
import io.go4j.bench.Workers;
import io.go4j.runtime.Scheduler;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fairness (issue 18): how long a runnable goroutine waits behind a pair that keeps readying each
 * other. On one proc, G1 starts G3, then starts G2 and ping-pongs with it over two unbuffered
 * channels until G3 has run; one trial measures the time from G3's start to G3 running. G2
 * displaces G3 from {@code runnext} into the run queue, and the pair then hands the proc back and
 * forth through {@code runnext}: only a time slice that the pair shares and that runs out (Go's,
 * 10 ms, and go4j's since issue 18) lets G3 in. Before it, G3 waited 1.3 to 2 s on go4j; Go 1.19
 * took 28 ms.
 *
 * <p>Not a JMH benchmark, for the reason {@link WakeLatency} gives. Runs on
 * {@code Scheduler.create(1)}; its Go twin, {@code BenchmarkFairness} in {@code benchmarks/go/},
 * on GOMAXPROCS=1. There is no JDK baseline: the JDK's virtual-thread scheduler cannot be given
 * one carrier for a part of the program only. After {@value #WARM_UP} trials that are not
 * counted, prints {@code Fairness/go4j TRIALS MEDIAN p50-ms MAX max-ms} in the shape of
 * {@code go test -bench} output and appends it to the output file, if any. A trial in which G3
 * has not run after {@value #GIVE_UP_MILLIS} ms stops the pair and counts as that long: a lower
 * bound.
 *
 * <p>Usage: {@code Fairness [trials [output-file]]}; 20 trials by default.
 */
public final class Fairness {

    /** How long a pair plays before the trial gives up on G3. */
    static final long GIVE_UP_MILLIS = 2_000;
    /** Trials before the counted ones. */
    static final int WARM_UP = 2;

    private static final Integer BALL = Items.get(1);

    private Fairness() {
    }

    /**
     * Runs the trials and reports them.
     *
     * @param args the number of trials, then the file to append the line to
     * @throws Exception if a trial failed or hung
     */
    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path out = args.length > 1 ? Path.of(args[1]) : null;
        try (Scheduler scheduler = Scheduler.create(1)) {
            Latencies waits = Latencies.measure(WARM_UP, trials, () -> trial(scheduler));
            Latencies.report(waits.line("Fairness/go4j", TimeUnit.MILLISECONDS, P50, MAX), out);
        }
    }

    /** One trial: the nanoseconds G3 waited, or {@link #GIVE_UP_MILLIS} if it never ran. */
    private static long trial(Scheduler scheduler) throws InterruptedException {
        Workers workers = Workers.goroutines(scheduler);
        AtomicLong waited = new AtomicLong();
        workers.start(() -> {
            Chan<Integer> ping = Chan.make();
            Chan<Integer> pong = Chan.make();
            AtomicLong thirdRanAt = new AtomicLong();
            long giveUp = TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS);
            long started = System.nanoTime();
            workers.spawn(() -> thirdRanAt.set(System.nanoTime()));
            workers.spawn(() -> {
                for (Integer ball : ping) {
                    pong.send(ball);
                }
            });
            while (thirdRanAt.get() == 0 && System.nanoTime() - started < giveUp) {
                ping.send(BALL);
                pong.receive();
            }
            ping.close();
            long ranAt = thirdRanAt.get();
            waited.set(ranAt == 0 ? giveUp : ranAt - started);
        });
        workers.joinAll();
        return waited.get();
    }
}
