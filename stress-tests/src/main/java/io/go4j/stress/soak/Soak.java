package io.go4j.stress.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The soak: {@link ChannelStress} for a long time, from the command line.
 *
 * <pre>
 * java [-Dgo4j.stress.seed=SEED] -cp jcstress.jar io.go4j.stress.soak.Soak SECONDS [REPORT_FILE]
 * </pre>
 *
 * Prints the seed first (so a failed run can be replayed with it), then the summary; writes the
 * summary to {@code REPORT_FILE} if given; exits with status 1 if a check failed. Without a seed
 * (or with an empty one) it picks one.
 */
public final class Soak {

    private Soak() {
    }

    /**
     * Runs the soak.
     *
     * @param args the duration in seconds, optionally the report file
     * @throws IOException if the report file cannot be written
     */
    public static void main(String[] args) throws IOException {
        long seconds = Long.parseLong(args[0]);
        String given = System.getProperty("go4j.stress.seed", "");
        long seed = given.isEmpty() ? System.nanoTime() : Long.parseLong(given);
        System.out.println("soak: " + seconds + " s, seed " + seed + " (replay: -Dsoak.seed=" + seed
                + ")");
        ChannelStress.Report report = ChannelStress.run(new ChannelStress.Config(
                seed, Duration.ofSeconds(seconds), 32,
                Duration.ofSeconds(Math.max(1, seconds / 20)), true));
        System.out.println(report.summary());
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), report.summary() + System.lineSeparator());
        }
        if (!report.violations().isEmpty()) {
            System.exit(1);
        }
    }
}
