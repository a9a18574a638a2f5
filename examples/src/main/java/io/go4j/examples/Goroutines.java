package io.go4j.examples;

import io.go4j.sync.WaitGroup;
import java.io.PrintStream;

/**
 * Go by Example, "Goroutines": a function called directly runs to completion before the next
 * statement; called with {@code go}, it runs concurrently with its caller.
 *
 * <p>The Go original waits a second for its goroutines and says that a {@code WaitGroup} would be
 * more robust; this port uses one. The two goroutines' lines interleave differently from run to
 * run.
 */
public final class Goroutines implements Example {

    @Override
    public String name() {
        return "goroutines";
    }

    @Override
    public String description() {
        return "Go by Example: a function called directly, then as two goroutines";
    }

    @Override
    public void run(PrintStream out) {
        count("direct", out);

        WaitGroup wg = new WaitGroup();
        wg.go(() -> count("goroutine", out));
        wg.go(() -> out.println("going"));

        wg.await();
        out.println("done");
    }

    /** Prints {@code from : i} for i = 0, 1, 2. */
    private static void count(String from, PrintStream out) {
        for (int i = 0; i < 3; i++) {
            out.println(from + " : " + i);
        }
    }
}
