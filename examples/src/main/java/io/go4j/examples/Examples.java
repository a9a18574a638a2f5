package io.go4j.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Runs the examples: all of them with no argument, or the one named by the first argument.
 */
public final class Examples {

    /** Every example, in the order they run. */
    public static final List<Example> ALL = List.of(new Sieve(), new PingPong());

    private Examples() {
    }

    /**
     * Finds an example by name.
     *
     * @param name the example's {@link Example#name()}
     * @return the example, or empty if there is none of that name
     */
    public static Optional<Example> byName(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * Runs one example, or all.
     *
     * @param args empty (or one blank argument) to run every example, else the example's name
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        String name = args.length == 0 ? "" : args[0].trim();
        if (name.isEmpty()) {
            for (Example e : ALL) {
                out.println("=== " + e.name() + ": " + e.description());
                e.run(out);
            }
            return;
        }
        Optional<Example> example = byName(name);
        if (example.isEmpty()) {
            System.err.println("no example named '" + name + "'; the examples are:");
            ALL.forEach(e -> System.err.println("  " + e.name() + "  " + e.description()));
            System.exit(2);
        }
        example.get().run(out);
    }
}
