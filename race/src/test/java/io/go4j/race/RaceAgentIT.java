package io.go4j.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs programs under the packaged agent ({@code java -javaagent:go4j-race.jar}) in child JVMs:
 * the ported Go race tests (one JVM for all of them), and the counter lesson with its exit
 * statuses and {@code GORACE} options.
 */
class RaceAgentIT {

    private static final Pattern RUN = Pattern.compile("=== RUN (\\S+)");

    /**
     * The agent jar exists only after {@code package}: these tests run in the race-programs
     * execution, which names it; a {@code -Dtest} selection may also pick them for the earlier
     * test phase, where they are skipped.
     */
    @BeforeAll
    static void agentBuilt() {
        assumeTrue(System.getProperty("go4j.race.agent") != null, "no agent jar in the test phase");
    }

    /** What a child JVM printed and how it ended. */
    private record Result(int exit, String out, String err) {
        long reports() {
            return err.lines().filter(l -> l.equals("WARNING: DATA RACE")).count();
        }
    }


    private static Result run(Map<String, String> env, String... mainAndArgs) throws IOException,
            InterruptedException {
        return run(env, false, List.of(), mainAndArgs);
    }

    /**
     * Runs a program of the test classes under the agent, with go4j (and JCTools) on the class
     * path or, if {@code modulePath}, on the module path as module {@code io.go4j}, with the
     * JVM options given.
     */
    private static Result run(Map<String, String> env, boolean modulePath, List<String> options,
            String... mainAndArgs) throws IOException, InterruptedException {
        String agent = System.getProperty("go4j.race.agent");
        List<String> entries =
                List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        String tests = entries.stream().filter(p -> p.contains("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        String go4j = entries.stream()
                .filter(p -> p.contains("go4j-core") || p.contains("jctools")
                        || p.contains(File.separator + "core" + File.separator + "target"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent));
        command.addAll(options);
        if (modulePath) {
            command.addAll(List.of("--module-path", go4j, "--add-modules", "io.go4j",
                    "--add-opens", "java.base/java.lang=io.go4j", "-cp", tests));
        } else {
            command.addAll(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED",
                    "-cp", tests + File.pathSeparator + go4j));
        }
        command.addAll(List.of(mainAndArgs));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("GORACE");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("race-out", ".txt");
        Path err = Files.createTempFile("race-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not end: " + Files.readString(err));
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    @Timeout(120)
    void portedGoRaceTestsReportExactlyTheRacyOnes() throws Exception {
        Result r = run(Map.of(), "racecases.Suite", "racecases.ChanCases", "racecases.SyncCases",
                "racecases.ExecutorCases", "racecases.MemoryCases");
        Map<String, Integer> reports = new LinkedHashMap<>();
        String current = null;
        for (String line : r.err().lines().toList()) {
            Matcher m = RUN.matcher(line);
            if (m.matches()) {
                current = m.group(1);
                reports.put(current, 0);
            } else if (line.startsWith("=== END")) {
                current = null;
            } else if (line.startsWith("=== FAIL")) {
                throw new AssertionError(line + "\n" + r.err());
            } else if (line.equals("WARNING: DATA RACE")) {
                assertTrue(current != null, "a report outside any program:\n" + r.err());
                reports.merge(current, 1, Integer::sum);
            }
        }
        List<String> wrong = new ArrayList<>();
        int racy = 0;
        for (Map.Entry<String, Integer> e : reports.entrySet()) {
            boolean mustRace = e.getKey().contains(".race");
            racy += mustRace ? 1 : 0;
            if (mustRace != (e.getValue() > 0)) {
                wrong.add(e.getKey() + ": " + e.getValue() + " report(s)");
            }
        }
        assertEquals(List.of(), wrong, r.err());
        assertTrue(racy >= 65 && reports.size() - racy >= 68, "programs run: " + reports.keySet());
        assertEquals(66, r.exit());
        assertTrue(r.err().endsWith("Found " + r.reports() + " data race(s)\n"), r.err());
    }

    @Test
    @Timeout(60)
    void racyCounterIsReportedInGoFormatAndExitsWith66() throws Exception {
        Result r = run(Map.of(), "racecases.Counter", "racy");
        assertEquals(66, r.exit(), r.err());
        assertEquals("counter: 2000\n", r.out());
        String err = r.err();
        assertTrue(err.startsWith("==================\nWARNING: DATA RACE\n"), err);
        assertTrue(Pattern.compile("(Read|Write) at 0x[0-9a-f]{12} by goroutine \\d+:\n"
                + "  racecases\\.Counter\\.lambda\\$main\\$\\d\\(\\)\n      Counter\\.java:\\d+\n")
                .matcher(err).find(), err);
        assertTrue(Pattern.compile("\nPrevious write at 0x[0-9a-f]{12} by goroutine \\d+:\n"
                + "  racecases\\.Counter\\.lambda\\$main\\$\\d\\(\\)\n      Counter\\.java:\\d+\n")
                .matcher(err).find(), err);
        assertTrue(Pattern.compile("\nGoroutine \\d+ \\((running|finished)\\) created at:\n"
                + "(  .*\n      .*\n)*  racecases\\.Counter\\.lambda\\$main\\$0\\(\\)\n")
                .matcher(err).find(), err);
        assertTrue(err.endsWith("==================\nFound " + r.reports() + " data race(s)\n"),
                err);
    }

    /** The earlier write's frame, then its calls in progress, innermost first. */
    private static final Pattern EARLIER_STACK = Pattern.compile(
            "\nPrevious write at \\S+ by goroutine \\d+:\n"
            + "  racecases\\.Stacks\\.write\\(\\)\n      Stacks\\.java:\\d+\n"
            + "  racecases\\.Stacks\\.middle\\(\\)\n      Stacks\\.java:\\d+\n"
            + "  racecases\\.Stacks\\.outer\\(\\)\n      Stacks\\.java:\\d+\n"
            + "  racecases\\.Stacks\\.lambda\\$main\\$\\d\\(\\)\n");

    @Test
    @Timeout(60)
    void earlierAccessStackIsRebuiltFromItsThreadsHistory() throws Exception {
        Result r = run(Map.of(), "racecases.Stacks", "0");
        assertEquals(66, r.exit(), r.err());
        assertTrue(EARLIER_STACK.matcher(r.err()).find(), r.err());
    }

    @Test
    @Timeout(60)
    void historySizeBoundsHowFarBackStacksAreRebuilt() throws Exception {
        // 100,000 calls after the write are 200,000 events: more than the default history keeps
        // (32K << 1), fewer than history_size=7's (32K << 7)
        Result gone = run(Map.of(), "racecases.Stacks", "100000");
        assertEquals(66, gone.exit(), gone.err());
        assertTrue(Pattern.compile("\nPrevious write at \\S+ by goroutine \\d+:\n"
                + "  racecases\\.Stacks\\.write\\(\\)\n      Stacks\\.java:\\d+\n"
                + "  \\[failed to restore the stack]\n").matcher(gone.err()).find(), gone.err());
        assertFalse(EARLIER_STACK.matcher(gone.err()).find(), gone.err());
        Result kept = run(Map.of("GORACE", "history_size=7"), "racecases.Stacks", "100000");
        assertEquals(66, kept.exit(), kept.err());
        assertTrue(EARLIER_STACK.matcher(kept.err()).find(), kept.err());
    }

    @Test
    @Timeout(90)
    void endedGoroutinesAreForgotten() throws Exception {
        // 30,000 goroutines, a thousand at a time, in 64 MB: before the detector forgot ended
        // goroutines and reused their numbers, each new one copied a clock of all of them
        Result r = run(Map.of(), false, List.of("-Xmx64m"), "racecases.ManyGoroutines", "30");
        assertEquals(0, r.exit(), r.err());
        assertEquals("sum: 30000\n", r.out());
    }

    @Test
    @Timeout(60)
    void moreThanGosLimitOfLiveGoroutinesDiesAsGoDoes() throws Exception {
        Result r = run(Map.of(), "racecases.ManyGoroutines", "9000", "alive");
        assertEquals(66, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().endsWith("race: limit on 8128 simultaneously alive goroutines"
                + " is exceeded, dying\n"), r.err());
    }

    @Test
    @Timeout(60)
    void go4jOnTheModulePathReachesTheAgentToo() throws Exception {
        Result racy = run(Map.of(), true, List.of(), "racecases.Counter", "racy");
        assertEquals(66, racy.exit(), racy.err());
        assertTrue(racy.reports() > 0, racy.err());
        Result guarded = run(Map.of(), true, List.of(), "racecases.Counter", "mutex");
        assertEquals(0, guarded.exit(), guarded.err());
        assertFalse(guarded.err().contains("DATA RACE"), guarded.err());
    }

    @Test
    @Timeout(60)
    void whatAProgramWroteIsSeenAfterGoMainReturns() throws Exception {
        Result r = run(Map.of(), "racecases.MainReturns");
        assertEquals(0, r.exit(), r.err());
        assertEquals("sum: 13\n", r.out());
        assertFalse(r.err().contains("DATA RACE"), r.err());
    }

    @Test
    @Timeout(60)
    void counterGuardedByMutexIsNotReported() throws Exception {
        Result r = run(Map.of(), "racecases.Counter", "mutex");
        assertEquals(0, r.exit(), r.err());
        assertEquals("counter: 2000\n", r.out());
        assertFalse(r.err().contains("DATA RACE"), r.err());
    }

    @Test
    @Timeout(60)
    void goraceHaltOnErrorAndExitcode() throws Exception {
        Result r = run(Map.of("GORACE", "halt_on_error=1 exitcode=7"), "racecases.Counter", "racy");
        assertEquals(7, r.exit(), r.err());
        assertEquals(1, r.reports(), r.err());
        assertTrue(r.err().endsWith("Found 1 data race(s)\n"), r.err());
    }

    @Test
    @Timeout(60)
    void goraceLogPath(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("race");
        Result r = run(Map.of("GORACE", "log_path=" + log), "racecases.Counter", "racy");
        assertEquals(66, r.exit(), r.err());
        assertFalse(r.err().contains("DATA RACE"), r.err());
        try (var files = Files.list(dir)) {
            List<Path> logs = files.toList();
            assertEquals(1, logs.size(), logs.toString());
            assertTrue(logs.get(0).getFileName().toString().matches("race\\.\\d+"),
                    logs.toString());
            String text = Files.readString(logs.get(0));
            assertTrue(text.contains("WARNING: DATA RACE") && text.contains("data race(s)"), text);
        }
    }
}
