package io.go4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.Go;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Without {@code --add-opens java.base/java.lang}, goroutines run on the JDK's default
 * scheduler: go4j says so once and everything else still works. Checked in a JVM of its own,
 * started without the flag, running {@link #main}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FallbackModeTest {

    @Test
    void withoutAddOpensGoroutinesRunOnTheJdkSchedulerAfterOneWarning() throws IOException,
            InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classpath = Stream.of(System.getProperty("jdk.module.path"),
                System.getProperty("java.class.path"))
                .filter(p -> p != null && !p.isEmpty())
                .collect(Collectors.joining(File.pathSeparator));
        Path stderr = Files.createTempFile("go4j-fallback", ".err");
        Process child = new ProcessBuilder(java, "-cp", classpath, FallbackModeTest.class.getName())
                .redirectError(stderr.toFile())
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), out);
        String err = Files.readString(stderr);
        Files.delete(stderr);
        assertEquals(List.of("mode JDK_DEFAULT", "sum 5050",
                "deadlock all goroutines are asleep - deadlock!"),
                out.lines().toList());
        Matcher warnings = Pattern.compile("WARNING: go4j runs goroutines on the JDK's default "
                + "virtual-thread scheduler")
                .matcher(err);
        assertTrue(warnings.find(), err);
        assertTrue(!warnings.find(), "one warning only:\n" + err);
        assertTrue(err.contains("--add-opens java.base/java.lang=ALL-UNNAMED"), err);
    }

    /** The child JVM: channels, a created scheduler and deadlock detection, without the flag. */
    public static void main(String[] args) {
        System.out.println("mode " + Scheduler.defaultScheduler().mode());
        try (Scheduler s = Scheduler.create(2)) {
            Chan<Integer> ch = Chan.make();
            s.go(() -> {
                for (int i = 1; i <= 100; i++) {
                    ch.send(i);
                }
                ch.close();
            });
            int sum = 0;
            for (int v : ch) {
                sum += v;
            }
            System.out.println("sum " + sum);
        }
        try {
            Go.main(() -> Chan.make().send("nobody listens"));
        } catch (DeadlockException e) {
            System.out.println("deadlock " + e.getMessage());
        }
    }
}
