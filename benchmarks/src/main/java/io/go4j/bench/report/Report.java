package io.go4j.bench.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Writes the side-by-side comparison: reads JMH's JSON result, the output of
 * {@code go test -bench} and of go4j's main programs ({@code ParkedGoroutines},
 * {@code CoreRoundTrip}, {@code WakeLatency}, {@code Fairness}), lines them up by
 * {@link Twins#ROWS}, and writes {@code comparison.md} (a Markdown table) and {@code ratios.png}
 * (a bar chart of the ratios) into the output folder.
 *
 * <p>Usage: {@code Report OUTPUT-DIR JMH-JSON [TEXT-FILE...]}, where each text file holds lines of
 * {@code go test -bench} output or of a main program; missing text files are skipped
 * (no Go on the machine), and so are the cells they would have filled. A file named
 * {@code *.tsv} holds the rounds of {@link Interleaved} instead.
 *
 * <p>Every time but the scheduler's latencies (microseconds or milliseconds, as their rows say)
 * is nanoseconds per operation as Go counts them, wall time divided by the operations of all
 * goroutines: a JMH benchmark run by {@code T} threads reports each thread's average time per
 * operation, so its score (and error) is divided by {@code T}. JMH's error is its 99.9%
 * confidence half-interval; Go's, when {@code -count} gave several runs, is half their spread,
 * and the value their mean.
 */
public final class Report {

    /** One measurement: a value and its error (NaN when unknown). */
    record Measure(double value, double error) {
    }

    /** {@code name[-procs] iterations value unit [value unit]...} */
    static final Pattern BENCH_LINE =
            Pattern.compile("^(\\S+?)(?:-\\d+)?\\s+\\d+\\s+(\\d[\\d.]*\\s+\\S+.*)$");
    static final Pattern METRIC = Pattern.compile("(\\d[\\d.]*)\\s+(\\S+)");

    /**
     * The interleaved rounds of one row ({@link Interleaved}): per round go4j's and Go's ns/op
     * and the round trips read before and after it.
     */
    record Rounds(List<double[]> rounds) {

        /** The median of go4j / Go over the rounds. */
        double medianRatio() {
            return median(rounds.stream().mapToDouble(r -> r[0] / r[1]).toArray());
        }

        double minRatio() {
            return rounds.stream().mapToDouble(r -> r[0] / r[1]).min().orElseThrow();
        }

        double maxRatio() {
            return rounds.stream().mapToDouble(r -> r[0] / r[1]).max().orElseThrow();
        }

        double medianGo4j() {
            return median(rounds.stream().mapToDouble(r -> r[0]).toArray());
        }

        double medianGo() {
            return median(rounds.stream().mapToDouble(r -> r[1]).toArray());
        }

        /** The median of a side's time in round trips ({@code side} 0 is go4j, 1 Go). */
        double medianInRoundTrips(int side) {
            return median(rounds.stream()
                    .mapToDouble(r -> r[side] / ((r[2] + r[3]) / 2)).toArray());
        }

        double minRoundTrip() {
            return rounds.stream().mapToDouble(r -> Math.min(r[2], r[3])).min().orElseThrow();
        }

        double maxRoundTrip() {
            return rounds.stream().mapToDouble(r -> Math.max(r[2], r[3])).max().orElseThrow();
        }

        /** {@code "a–b"}, the range of the round trip over the rounds, in ns. */
        String roundTripRange() {
            return format(minRoundTrip()) + "–" + format(maxRoundTrip());
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: Report OUTPUT-DIR JMH-JSON [TEXT-FILE...]");
        }
        Path out = Path.of(args[0]);
        Map<String, Measure> measures = new HashMap<>(readJmh(Path.of(args[1])));
        Map<String, Rounds> interleaved = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            Path text = Path.of(args[i]);
            if (!Files.exists(text)) {
                continue;
            }
            if (text.toString().endsWith(".tsv")) {
                interleaved.putAll(readInterleaved(text));
            } else {
                measures.putAll(readBenchText(text));
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("comparison.md"), table(measures, interleaved));
        chart(measures, interleaved, out.resolve("ratios.png"));
        System.out.println("wrote " + out.resolve("comparison.md") + " and "
                + out.resolve("ratios.png"));
    }


    /**
     * JMH's results by key {@code SimpleClass.method[param=value,...]}, scores divided by threads.
     */
    static Map<String, Measure> readJmh(Path json) throws IOException {
        Map<String, Measure> result = new HashMap<>();
        for (JsonElement e : JsonParser.parseString(Files.readString(json)).getAsJsonArray()) {
            JsonObject run = e.getAsJsonObject();
            String benchmark = run.get("benchmark").getAsString();
            String[] parts = benchmark.split("\\.");
            String key = parts[parts.length - 2] + "." + parts[parts.length - 1];
            if (run.has("params")) {
                key += run.getAsJsonObject("params").entrySet().stream()
                        .map(p -> p.getKey() + "=" + p.getValue().getAsString())
                        .collect(Collectors.joining(",", "[", "]"));
            }
            int threads = run.get("threads").getAsInt();
            JsonObject metric = run.getAsJsonObject("primaryMetric");
            double error = metric.get("scoreError").isJsonPrimitive()
                    && metric.get("scoreError").getAsJsonPrimitive().isNumber()
                    ? metric.get("scoreError").getAsDouble() / threads : Double.NaN;
            result.put(key, new Measure(metric.get("score").getAsDouble() / threads, error));
        }
        return result;
    }

    /**
     * Lines of the output of {@code go test -bench} (keys {@code go:Name}) or of go4j's main
     * programs ({@code mem:Name}): {@code ns/op}, or {@code B/goroutine} for the memory
     * benchmark; and every metric of a line also under the key, a space and its unit
     * ({@code go:BenchmarkWakeLatency p99-us}), for the benchmarks that report percentiles.
     * Several runs of one name make a mean and half their spread.
     */
    static Map<String, Measure> readBenchText(Path text) throws IOException {
        Map<String, List<Double>> runs = new TreeMap<>();
        for (String line : Files.readAllLines(text)) {
            Matcher m = BENCH_LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            String key = (name.startsWith("Benchmark") ? "go:" : "mem:") + name;
            Matcher metric = METRIC.matcher(m.group(2));
            Double value = null;
            while (metric.find()) {
                String unit = metric.group(2);
                double v = Double.parseDouble(metric.group(1));
                runs.computeIfAbsent(key + " " + unit, k -> new ArrayList<>()).add(v);
                if (unit.equals("B/goroutine") || (unit.equals("ns/op") && value == null)) {
                    value = v;
                }
            }
            if (value != null) {
                runs.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, Measure> result = new HashMap<>();
        runs.forEach((key, values) -> {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double spread = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                    - values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            result.put(key, new Measure(mean, values.size() > 1 ? spread / 2 : Double.NaN));
        });
        return result;
    }

    /**
     * The rounds of {@link Interleaved} by workload: lines {@code workload round go4j go
     * round-trip-before round-trip-after}, tab-separated.
     */
    static Map<String, Rounds> readInterleaved(Path tsv) throws IOException {
        Map<String, List<double[]>> rounds = new TreeMap<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t");
            if (f.length != 6) {
                continue;
            }
            rounds.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new double[] {
                Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                Double.parseDouble(f[5])});
        }
        Map<String, Rounds> result = new HashMap<>();
        rounds.forEach((workload, r) -> result.put(workload, new Rounds(r)));
        return result;
    }

    /**
     * The Markdown tables: the JMH suite, one line per row of {@link Twins#ROWS} (its Go column
     * only for the Go benchmarks run apart, the latency and memory twins), then the rows that
     * {@link Interleaved} ran, go4j against Go round by round.
     */
    static String table(Map<String, Measure> m, Map<String, Rounds> interleaved) {
        StringBuilder sb = new StringBuilder(roundTrips(m));
        sb.append("| workload | unit | go4j | Go | Jox | Kotlin | JDK | JDK is | go4j / Go")
                .append(" | go4j / Jox | go4j / Kotlin | go4j / JDK |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Twins.Row r : Twins.ROWS) {
            Measure go4j = m.get(r.go4j());
            sb.append("| ").append(r.workload()).append(" | ").append(r.unit())
                    .append(" | ").append(cell(go4j))
                    .append(" | ").append(cell(get(m, r.go())))
                    .append(" | ").append(cell(get(m, r.jox())))
                    .append(" | ").append(cell(get(m, r.kotlin())))
                    .append(" | ").append(cell(get(m, r.jdk())))
                    .append(" | ").append(r.jdkName() == null ? "" : r.jdkName())
                    .append(" | ").append(ratioCell(go4j, get(m, r.go())))
                    .append(" | ").append(ratioCell(go4j, get(m, r.jox())))
                    .append(" | ").append(ratioCell(go4j, get(m, r.kotlin())))
                    .append(" | ").append(ratioCell(go4j, get(m, r.jdk())))
                    .append(" |\n");
        }
        if (!interleaved.isEmpty()) {
            sb.append("\n").append(interleavedTable(interleaved));
        }
        return sb.toString();
    }

    /**
     * The interleaved rows: medians over the rounds of go4j's and Go's ns/op and of their ratio
     * (with its range), the round trips read between the rounds, and each side's time in round
     * trips (each round's time divided by the mean of the round trips read before and after it).
     */
    private static String interleavedTable(Map<String, Rounds> interleaved) {
        StringBuilder sb = new StringBuilder("go4j and Go interleaved (Interleaved): per row,")
                .append(" a JMH fork of the go4j benchmark, then its Go twin, round after round,")
                .append(" with the cores' round trip read before and after each round. Medians")
                .append(" over the rounds, ns/op; \"in RTs\": the time of one operation in round")
                .append(" trips between the cores.\n\n")
                .append("| workload | rounds | go4j | Go | go4j / Go | min–max | round trip, ns")
                .append(" | go4j in RTs | Go in RTs |\n|---|---|---|---|---|---|---|---|---|\n");
        Set<String> done = new HashSet<>();
        for (Twins.Row r : Twins.ROWS) {
            Rounds pair = interleaved.get(r.workload());
            if (pair == null || !done.add(r.workload())) {
                continue;
            }
            sb.append(String.format(Locale.ROOT,
                    "| %s | %d | %s | %s | %.2f | %.2f–%.2f | %s | %s | %s |%n", r.workload(),
                    pair.rounds().size(), format(pair.medianGo4j()), format(pair.medianGo()),
                    pair.medianRatio(), pair.minRatio(), pair.maxRatio(), pair.roundTripRange(),
                    format(pair.medianInRoundTrips(0)), format(pair.medianInRoundTrips(1))));
        }
        return sb.toString();
    }

    /**
     * The line above the table: how long the cores took to pass a cache line back and forth
     * before and after the run ({@link CoreRoundTrip}), the condition that moves the ratios most;
     * nothing if it was not measured.
     */
    private static String roundTrips(Map<String, Measure> m) {
        Measure before = m.get("mem:CoreRoundTrip/start");
        Measure after = m.get("mem:CoreRoundTrip/end");
        if (before == null || after == null) {
            return "";
        }
        return "Cache-line round trip between the two cores (CoreRoundTrip): "
                + format(before.value())
                + " ns before the run, " + format(after.value()) + " ns after it.\n\n";
    }

    private static Measure get(Map<String, Measure> m, String key) {
        return key == null ? null : m.get(key);
    }

    private static String cell(Measure x) {
        if (x == null) {
            return "";
        }
        return Double.isNaN(x.error()) ? format(x.value()) : format(x.value()) + " ± "
                + format(x.error());
    }

    private static String ratioCell(Measure a, Measure b) {
        Double r = ratio(a, b);
        return r == null ? "" : String.format(Locale.ROOT, "%.2f", r);
    }

    /** {@code a / b}, or null when either is missing. */
    static Double ratio(Measure a, Measure b) {
        return a == null || b == null || b.value() == 0 ? null : a.value() / b.value();
    }

    private static String format(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * A bar chart of go4j / Go, go4j / Jox, go4j / Kotlin and go4j / JDK per workload. Bars show
     * the ratio's base-2 logarithm, labelled with the ratio itself: ratios span orders of
     * magnitude, and twice as fast should look as big as twice as slow. Below the axis (ratio
     * under 1), go4j is ahead. An interleaved row shows its median go4j / Go, and its label the
     * ratio's range and the round trips it ran in. No chart when no row has a go4j figure.
     */
    static void chart(Map<String, Measure> m, Map<String, Rounds> interleaved, Path png)
            throws IOException {
        List<String> workloads = new ArrayList<>();
        List<Double> vsGo = new ArrayList<>();
        List<Double> vsJox = new ArrayList<>();
        List<Double> vsKotlin = new ArrayList<>();
        List<Double> vsJdk = new ArrayList<>();
        for (Twins.Row r : Twins.ROWS) {
            Measure go4j = m.get(r.go4j());
            if (go4j == null) {
                continue;
            }
            Rounds pair = interleaved.get(r.workload());
            // A workload's rows after its first differ by their JVM variant: the chart's
            // categories must differ too.
            String workload = workloads.stream().anyMatch(w -> w.startsWith(r.workload()))
                    ? r.workload() + ", JVM: " + r.jdkName() : r.workload();
            if (pair == null) {
                workloads.add(workload);
                vsGo.add(log2(ratio(go4j, get(m, r.go()))));
            } else {
                workloads.add(String.format(Locale.ROOT, "%s [vs Go %.2f–%.2f, RT %s ns]",
                        workload, pair.minRatio(), pair.maxRatio(), pair.roundTripRange()));
                vsGo.add(log2(pair.medianRatio()));
            }
            vsJox.add(log2(ratio(go4j, get(m, r.jox()))));
            vsKotlin.add(log2(ratio(go4j, get(m, r.kotlin()))));
            vsJdk.add(log2(ratio(go4j, get(m, r.jdk()))));
        }
        if (workloads.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(1800).height(1000)
                .title("go4j / contender (time, or bytes for parked goroutines):"
                        + " below 1, go4j is ahead")
                .xAxisTitle("workload").yAxisTitle("go4j / contender (log scale)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setOverlapped(false);
        chart.setCustomYAxisTickLabelsFormatter(y -> format(Math.pow(2, y)));
        addSeries(chart, "go4j / Go", workloads, vsGo);
        addSeries(chart, "go4j / Jox", workloads, vsJox);
        addSeries(chart, "go4j / Kotlin", workloads, vsKotlin);
        addSeries(chart, "go4j / JDK", workloads, vsJdk);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static Double log2(Double ratio) {
        return ratio == null ? null : Math.log(ratio) / Math.log(2);
    }

    /** Adds a series unless it has no value at all (XChart draws nothing for the null ones). */
    private static void addSeries(CategoryChart chart, String name, List<String> workloads,
            List<Double> ratios) {
        if (ratios.stream().anyMatch(r -> r != null)) {
            chart.addSeries(name, workloads, ratios);
        }
    }
}
