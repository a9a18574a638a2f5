package io.go4j.stress.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the summary of the full stress pass: the jcstress tests run, the outcomes they observed
 * and their failures (read from jcstress's HTML report), the JUnit tests (Lincheck, the quick
 * stress run, the faults) from Surefire's reports, and the soak's own summary line.
 *
 * <pre>
 * java -cp jcstress.jar io.go4j.stress.soak.FullPassSummary TARGET_DIR
 * </pre>
 *
 * Exits with status 1 if anything failed.
 */
public final class FullPassSummary {

    private static final Pattern STATE = Pattern.compile("<th nowrap align='center'>([^<]*)</th>");
    private static final Pattern COUNT =
            Pattern.compile("<td align='right' width='[^']*' bgColor=[^>]*>(\\d+)</td>");
    private static final Pattern STATUS =
            Pattern.compile("<td align='center' bgColor='[^']*'>([A-Z_ ]+)</td>");
    private static final Pattern JUNIT =
            Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)");

    private FullPassSummary() {
    }

    /**
     * Prints the summary.
     *
     * @param args the module's target directory
     * @throws IOException if a report cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        int failures = jcstress(target.resolve("jcstress-results"))
                + junit(target.resolve("surefire-reports"))
                + soak(target.resolve("soak-report.txt"));
        System.out.println("full pass: "
                + (failures == 0 ? "no failures" : failures + " failures"));
        if (failures > 0) {
            System.exit(1);
        }
    }

    private static int jcstress(Path results) throws IOException {
        long tests = 0;
        long samples = 0;
        long states = 0;
        int failed = 0;
        for (Path page : list(results, "io.go4j")) {
            String html = Files.readString(page);
            tests++;
            states += STATE.matcher(html).results().count();
            samples += COUNT.matcher(html).results().mapToLong(m -> Long.parseLong(m.group(1)))
                    .sum();
            if (STATUS.matcher(html).results().anyMatch(m -> !m.group(1).trim().equals("OK"))) {
                failed++;
                System.out.println("jcstress FAILED: " + page.getFileName());
            }
        }
        System.out.println("jcstress: " + tests + " tests run, " + samples + " outcomes observed ("
                + states
                + " distinct results), " + failed + " failed");
        return failed;
    }

    private static int junit(Path reports) throws IOException {
        long run = 0;
        long failed = 0;
        for (Path report : list(reports, "")) {
            if (!report.toString().endsWith(".txt")) {
                continue;
            }
            Matcher m = JUNIT.matcher(Files.readString(report));
            if (m.find()) {
                run += Long.parseLong(m.group(1));
                long bad = Long.parseLong(m.group(2)) + Long.parseLong(m.group(3));
                failed += bad;
                if (bad > 0) {
                    System.out.println("JUnit FAILED: " + report.getFileName());
                }
            }
        }
        System.out.println("JUnit (Lincheck, channel stress, faults): " + run + " tests run, "
                + failed + " failed");
        return (int) failed;
    }

    private static int soak(Path report) throws IOException {
        if (!Files.exists(report)) {
            System.out.println("soak: no report (" + report + ")");
            return 1;
        }
        String line = Files.readString(report).trim();
        System.out.println("soak: " + line);
        return line.endsWith("no violations") ? 0 : 1;
    }

    private static List<Path> list(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted()
                    .toList();
        }
    }
}
