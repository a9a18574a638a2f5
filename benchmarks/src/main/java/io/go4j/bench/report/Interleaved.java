package io.go4j.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Compares go4j with Go row by row, in the same minute: for each row of {@link Twins#ROWS} that
 * has a JMH benchmark and a Go twin, it alternates one JMH fork of the benchmark and one run of
 * its twin ({@code go test -bench}, from a test binary built with {@code go test -c}) for a
 * number of rounds, and reads the cores' round trip ({@link CoreRoundTrip}) before and after each
 * round. Two runs a quarter of an hour apart can compare two different machines (the round trip
 * of our VMs moves between 67 and 570 ns within minutes); two runs seconds apart, repeated,
 * show the ratio and how far it moves.
 *
 * <p>Usage: {@code Interleaved ROUNDS quick|full GO-TEST-BINARY OUTPUT-FILE [WORKLOAD-REGEX]}.
 * {@code quick} runs each JMH fork with 1 warm-up and 3 measured iterations of half a second
 * and Go with {@code -benchtime 200ms}; {@code full} runs the benchmarks' own JMH settings and Go
 * with {@code -benchtime 1s}. The regex, if given, keeps the rows whose workload it finds. Each
 * round appends one tab-separated line to the output file, which {@link Report} reads:
 * {@code workload round go4j-ns go-ns round-trip-before-ns round-trip-after-ns}.
 */
public final class Interleaved {

    /** The go4j side of a row: a JMH benchmark and the parameters of its key. */
    record JmhKey(String includeRegex, List<String[]> params) {
    }

    private static final Pattern JMH_KEY = Pattern.compile("^(\\w+)\\.(\\w+)(?:\\[(.*)])?$");

    private Interleaved() {
    }

    /**
     * Runs the rounds of every selected row and appends them to the output file.
     *
     * @param args rounds, mode, Go test binary, output file and, optionally, the workload regex
     * @throws Exception if a JMH fork or a Go run failed, or printed no result
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            throw new IllegalArgumentException(
                    "usage: Interleaved ROUNDS quick|full GO-TEST-BINARY OUTPUT-FILE [REGEX]");
        }
        int rounds = Integer.parseInt(args[0]);
        boolean quick = switch (args[1]) {
            case "quick" -> true;
            case "full" -> false;
            default -> throw new IllegalArgumentException("mode must be quick or full: " + args[1]);
        };
        Path goBinary = Path.of(args[2]).toAbsolutePath();
        Path out = Path.of(args[3]);
        Pattern only = Pattern.compile(args.length == 5 ? args[4] : "");
        Set<String> done = new HashSet<>();
        for (Twins.Row row : rows()) {
            // Rows of one workload (one per JVM variant) share their go4j and Go measurements.
            if (!only.matcher(row.workload()).find() || !done.add(row.workload())) {
                continue;
            }
            for (int round = 1; round <= rounds; round++) {
                double before = CoreRoundTrip.medianNanos(CoreRoundTrip.BETWEEN_ROUNDS);
                double go4j = jmh(jmhKey(row.go4j()), quick);
                double go = go(goBinary, row.go().substring("go:".length()), quick);
                double after = CoreRoundTrip.medianNanos(CoreRoundTrip.BETWEEN_ROUNDS);
                String line = String.format(Locale.ROOT, "%s\t%d\t%.2f\t%.2f\t%.1f\t%.1f%n",
                        row.workload(), round, go4j, go, before, after);
                System.out.print("interleaved: " + line);
                Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    /** The rows with a JMH benchmark on the go4j side and a plain Go benchmark as twin. */
    static List<Twins.Row> rows() {
        List<Twins.Row> rows = new ArrayList<>();
        for (Twins.Row r : Twins.ROWS) {
            if (r.go() != null && r.go().startsWith("go:") && !r.go().contains(" ")
                    && JMH_KEY.matcher(r.go4j()).matches()) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** {@code Class.method[p=v,...]} as a JMH include regex and its parameters. */
    static JmhKey jmhKey(String key) {
        Matcher m = JMH_KEY.matcher(key);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a JMH key: " + key);
        }
        List<String[]> params = new ArrayList<>();
        if (m.group(3) != null) {
            for (String p : m.group(3).split(",")) {
                params.add(p.split("=", 2));
            }
        }
        return new JmhKey("\\." + m.group(1) + "\\." + m.group(2) + "$", params);
    }

    /** One fork of a JMH benchmark: its score in nanoseconds per operation of all threads. */
    private static double jmh(JmhKey key, boolean quick) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder().include(key.includeRegex()).forks(1)
                .jvmArgsAppend("--add-opens", "java.base/java.lang=ALL-UNNAMED")
                .timeUnit(TimeUnit.NANOSECONDS).shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        for (String[] p : key.params()) {
            options.param(p[0], p[1]);
        }
        if (quick) {
            TimeValue half = TimeValue.milliseconds(500);
            options.warmupIterations(1).warmupTime(half)
                    .measurementIterations(3).measurementTime(half);
        }
        RunResult result = new Runner(options.build()).runSingle();
        return result.getPrimaryResult().getScore() / result.getParams().getThreads();
    }

    /**
     * One run of a Go benchmark ({@code Name} or {@code Name/sub}) from the test binary, in the
     * binary's folder: its ns/op.
     */
    private static double go(Path binary, String name, boolean quick)
            throws IOException, InterruptedException {
        StringBuilder regex = new StringBuilder();
        for (String part : name.split("/")) {
            regex.append(regex.isEmpty() ? "" : "/")
                    .append('^').append(Pattern.quote(part)).append('$');
        }
        Process p = new ProcessBuilder(binary.toString(), "-test.run", "^$",
                "-test.bench", regex.toString(), "-test.benchtime", quick ? "200ms" : "1s",
                "-test.count", "1")
                .directory(binary.getParent().toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(name + " failed:\n" + output);
        }
        for (String line : output.split("\n")) {
            Matcher m = Report.BENCH_LINE.matcher(line.strip());
            if (m.matches() && m.group(1).equals(name)) {
                Matcher metric = Report.METRIC.matcher(m.group(2));
                while (metric.find()) {
                    if (metric.group(2).equals("ns/op")) {
                        return Double.parseDouble(metric.group(1));
                    }
                }
            }
        }
        throw new IllegalStateException("no ns/op for " + name + " in:\n" + output);
    }
}
