package io.go4j.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Runs the examples by name. With no name it lists them and says how to run one; {@code all}
 * runs every one of them in turn. Each runs as a Go program ({@link Example#runAsProgram}): an
 * exception escaping one of its goroutines, or a deadlock, stops the runner with that exception.
 */
public final class Examples {

    /** The command that builds the examples and runs the one named {@code NAME}. */
    static final String COMMAND =
            "./mvnw -q -pl examples -am package -DskipTests exec:exec -Dexample=NAME";

    /** The name that runs every example. */
    static final String ALL_NAME = "all";

    /** Every example, in the order {@code all} runs them. */
    public static final List<Example> ALL = List.of(
            new Goroutines(),
            new Channels(),
            new ChannelBuffering(),
            new ChannelSynchronization(),
            new ChannelDirections(),
            new SelectStatement(),
            new Timeouts(),
            new NonBlockingChannelOperations(),
            new ClosingChannels(),
            new RangeOverChannels(),
            new Timers(),
            new Tickers(),
            new WorkerPools(),
            new WaitGroups(),
            new RateLimiting(),
            new AtomicCounters(),
            new Mutexes(),
            new StatefulGoroutines(),
            new ContextExample(),
            new Sieve(),
            new PingPong(),
            new DaisyChain(),
            new EquivalentBinaryTrees(),
            new WebCrawler(),
            new Pipeline(),
            new GoogleSearch(),
            new Subscribe(),
            new SemaphoreWorkerPool(),
            new Deadlock());

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
     * Runs the example named by the first argument, or all of them for {@code all}, or lists them
     * when there is no name; exits with status 2 for an unknown name.
     *
     * @param args empty or one blank argument to list the examples, else an example's name or
     *     {@code all}
     */
    public static void main(String[] args) {
        int status = run(args.length == 0 ? "" : args[0].trim(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Does what {@link #main} does, printing to the given streams.
     *
     * @param name an example's name, {@code all}, or empty
     * @param out where the examples and the list print
     * @param err where an unknown name is reported
     * @return the exit status: 0, or 2 for an unknown name
     */
    static int run(String name, PrintStream out, PrintStream err) {
        if (name.isEmpty()) {
            list(out);
            return 0;
        }
        if (name.equals(ALL_NAME)) {
            for (Example e : ALL) {
                out.println("=== " + e.name() + ": " + e.description());
                e.runAsProgram(out);
            }
            return 0;
        }
        Optional<Example> example = byName(name);
        if (example.isEmpty()) {
            err.println("no example named '" + name + "'");
            list(err);
            return 2;
        }
        example.get().runAsProgram(out);
        return 0;
    }

    /** Prints how to run an example, and every example's name and description. */
    private static void list(PrintStream out) {
        int width = ALL.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        out.println("Run one example with");
        out.println("  " + COMMAND);
        out.println("or every one with -Dexample=" + ALL_NAME + ". The examples:");
        for (Example e : ALL) {
            out.println("  " + String.format("%-" + width + "s", e.name()) + "  "
                    + e.description());
        }
    }
}
