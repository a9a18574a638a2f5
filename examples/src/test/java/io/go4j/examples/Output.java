package io.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Captures what examples print, and checks orders that hold whatever the interleaving. */
final class Output {

    private Output() {
    }

    /** Runs the example named {@code name} as a Go program and returns the lines it printed. */
    static List<String> of(String name) {
        return capture(out -> Examples.byName(name).orElseThrow().runAsProgram(out));
    }

    /** Returns the lines that {@code print} printed. */
    static List<String> capture(Consumer<PrintStream> print) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            print.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * Asserts that the lines of {@code expected} appear in {@code lines} once each, in that order.
     */
    static void assertInOrder(List<String> expected, List<String> lines) {
        assertEquals(expected, lines.stream().filter(expected::contains).toList(), lines::toString);
    }
}
