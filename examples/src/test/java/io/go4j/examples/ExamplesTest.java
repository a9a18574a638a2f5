package io.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.junit.DumpGoroutinesOnTimeout;
import io.go4j.runtime.DeadlockException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runner: listing, running one example, running all, and unknown names. */
@DumpGoroutinesOnTimeout
@Timeout(60)
class ExamplesTest {

    @Test
    void noNameListsEveryExampleAndHowToRunOne() {
        int[] status = new int[1];
        List<String> lines = Output.capture(out -> status[0] = Examples.run("", out, out));
        assertEquals(0, status[0]);
        assertTrue(lines.contains("  " + Examples.COMMAND), lines::toString);
        assertEquals(Examples.ALL.size() + 3, lines.size(), lines::toString);
        for (int i = 0; i < Examples.ALL.size(); i++) {
            Example e = Examples.ALL.get(i);
            String line = lines.get(i + 3);
            assertTrue(line.startsWith("  " + e.name() + " ")
                    && line.endsWith(" " + e.description()), line);
        }
    }

    @Test
    void allRunsEveryExampleUnderItsHeader() {
        List<String> headers = Output.capture(out -> Examples.run(Examples.ALL_NAME, out, out))
                .stream()
                .filter(l -> l.startsWith("=== "))
                .toList();
        assertEquals(Examples.ALL.stream().map(e -> "=== " + e.name() + ": " + e.description())
                .toList(), headers);
    }

    @Test
    void aNameRunsThatExampleOnly() {
        assertEquals(Output.of("sieve"), Output.capture(out -> Examples.run("sieve", out, out)));
    }

    @Test
    void anUnknownNameFailsAndListsTheExamples() {
        int[] status = new int[1];
        List<String> err = Output.capture(e
                -> Output.capture(out -> status[0] = Examples.run("nope", out, e)));
        assertEquals(2, status[0]);
        assertEquals("no example named 'nope'", err.get(0));
        assertEquals("  " + Examples.COMMAND, err.get(2));
    }

    @Test
    void anExampleRunsAsAGoProgramSoAGoroutinesExceptionEndsIt() {
        Chan<Void> never = Chan.make();
        Example failing = example(out -> {
            Go.go(() -> {
                throw new IllegalStateException("panic in a goroutine");
            });
            never.receive();
        });
        try {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class,
                            () -> Output.capture(failing::runAsProgram));
            assertEquals("panic in a goroutine", e.getMessage());
        } finally {
            never.close();
        }
    }

    @Test
    void anExampleRunsAsAGoProgramSoADeadlockEndsIt() {
        Example deadlocked = example(out -> Chan.make().receive());
        assertThrows(DeadlockException.class, () -> Output.capture(deadlocked::runAsProgram));
    }

    /** An example, not in the list, whose main goroutine runs {@code body}. */
    private static Example example(Consumer<PrintStream> body) {
        return new Example() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String description() {
                return "an example of the test";
            }

            @Override
            public void run(PrintStream out) {
                body.accept(out);
            }
        };
    }

    @Test
    void theReadmesQuickStartNamesEveryExampleAndNoOther() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("the command lists the examples:");
        int end = readme.indexOf(". Each example runs", start);
        assertTrue(start >= 0 && end > start,
                "the quick start's list of examples is not where this test looks");
        Set<String> named = Pattern.compile("`([a-z-]+)`").matcher(readme.substring(start, end))
                .results()
                .map(m -> m.group(1))
                .collect(Collectors.toSet());
        assertEquals(Examples.ALL.stream().map(Example::name).collect(Collectors.toSet()), named);
    }

    @Test
    void namesAreUniqueAndNotTheNameForAll() {
        List<String> names = Examples.ALL.stream().map(Example::name).toList();
        assertEquals(names.size(), names.stream().distinct().count());
        assertTrue(!names.contains(Examples.ALL_NAME) && Examples.byName("no-such-example")
                .isEmpty());
    }
}
