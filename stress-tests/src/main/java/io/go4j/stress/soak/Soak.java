package io.go4j.stress.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The soak: {@link ChannelStress} for a long time, from the command line.
 *
 * <pre>
 * java -cp jcstress.jar io.go4j.stress.soak.Soak SECONDS [SEED [REPORT_FILE]]
 * </pre>
 *
 * Prints the seed first (so a failed run can be replayed with it), then the summary; writes the
 * summary to {@code REPORT_FILE} if given; exits with status 1 if a check failed.
 */
public final class Soak {

    private Soak() {
    }

    /**
     * Runs the soak.
     *
     * @param args the duration in seconds, optionally the seed and the report file
     * @throws IOException if the report file cannot be written
     */
    public static void main(String[] args) throws IOException {
        long seconds = Long.parseLong(args[0]);
        long seed = args.length > 1 && !args[1].isEmpty() ? Long.parseLong(args[1]) : System.nanoTime();
        System.out.println("soak: " + seconds + " s, seed " + seed + " (replay with that seed as second argument)");
        ChannelStress.Report report = ChannelStress.run(new ChannelStress.Config(
                seed, Duration.ofSeconds(seconds), 32, Duration.ofSeconds(Math.max(1, seconds / 20)), false));
        System.out.println(report.summary());
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), report.summary() + System.lineSeparator());
        }
        if (!report.violations().isEmpty()) {
            System.exit(1);
        }
    }
}
