package io.go4j.bench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The latencies of one contender's trials, summarised as a line in the shape of
 * {@code go test -bench} output, {@code NAME TRIALS VALUE p50-us VALUE p99-us ...}, which
 * {@link io.go4j.bench.report.Report} reads: each percentile is a metric of its own, named as the
 * Go twins name theirs with {@code b.ReportMetric}. Used by {@link WakeLatency},
 * {@link Fairness} and {@link LoadLatency}, whose measure is a spread of single times and not a
 * mean that JMH could give.
 */
final class Latencies {

    /** A percentile: {@code label} in the unit, {@code fraction} of trials at or below it. */
    record Percentile(String label, double fraction) {
    }

    static final Percentile P50 = new Percentile("p50", 0.50);
    static final Percentile P99 = new Percentile("p99", 0.99);
    static final Percentile MAX = new Percentile("max", 1.0);

    /** One trial: what it measured, in nanoseconds. */
    @FunctionalInterface
    interface Trial {
        long nanos() throws InterruptedException;
    }

    private final long[] sorted;

    private Latencies(long[] sorted) {
        this.sorted = sorted;
    }

    /**
     * Runs {@code warmUp} trials and forgets them, so that the counted ones run compiled code,
     * then runs and keeps {@code trials}.
     */
    static Latencies measure(int warmUp, int trials, Trial trial) throws InterruptedException {
        for (int i = 0; i < warmUp; i++) {
            trial.nanos();
        }
        long[] nanos = new long[trials];
        for (int i = 0; i < trials; i++) {
            nanos[i] = trial.nanos();
        }
        Arrays.sort(nanos);
        return new Latencies(nanos);
    }

    /** The latencies of single samples, in nanoseconds, taken by a program's own loop. */
    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    /**
     * The summary line: for each percentile, its value in {@code unit} (microseconds or
     * milliseconds) with the unit {@code label-us} or {@code label-ms}. Percentiles are nearest
     * rank, as the Go twins compute them, so that the maximum is a trial's own time.
     */
    String line(String name, TimeUnit unit, Percentile... percentiles) {
        String suffix = switch (unit) {
            case MICROSECONDS -> "-us";
            case MILLISECONDS -> "-ms";
            default -> throw new IllegalArgumentException("no Go twin reports in " + unit);
        };
        StringBuilder line = new StringBuilder(name).append(' ').append(sorted.length);
        for (Percentile p : percentiles) {
            int rank = Math.max(1, (int) Math.ceil(p.fraction() * sorted.length));
            double value = (double) sorted[rank - 1] / unit.toNanos(1);
            line.append(String.format(Locale.ROOT, " %.1f %s%s", value, p.label(), suffix));
        }
        return line.toString();
    }

    /** Prints {@code line} and appends it to {@code out}, if any: both mains write to one file. */
    static void report(String line, Path out) throws IOException {
        System.out.println(line);
        if (out != null) {
            Files.writeString(out, line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
