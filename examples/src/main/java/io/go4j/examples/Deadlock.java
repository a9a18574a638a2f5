package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.runtime.DeadlockException;
import io.go4j.sync.WaitGroup;
import java.io.PrintStream;

/**
 * A deadlock that go4j reports as Go does: the main goroutine ranges over a results channel that
 * nobody closes, so once the workers have sent their results every goroutine of the program is
 * blocked, and {@link Go#main} throws {@link DeadlockException}, {@code all goroutines are asleep -
 * deadlock!}, with the goroutine dump. Go's runtime prints that fatal error and the dump, then
 * ends the process; this example prints them the same way, then runs the fixed program, which
 * closes the channel once the workers are done.
 *
 * <p>It runs two Go programs of its own, so it is not run inside another: {@link #runAsProgram}
 * is {@link #run}.
 */
public final class Deadlock implements Example {

    static final int WORKERS = 3;

    @Override
    public String name() {
        return "deadlock";
    }

    @Override
    public String description() {
        return "a range over a channel nobody closes: go4j reports the deadlock, as Go does";
    }

    @Override
    public void run(PrintStream out) {
        try {
            Go.main(() -> sumOfSquares(false, out));
        } catch (DeadlockException e) {
            out.println("fatal error: " + e.getMessage());
            out.println();
            out.print(e.dump());
            out.println();
        }
        Go.main(() -> sumOfSquares(true, out));
    }

    @Override
    public void runAsProgram(PrintStream out) {
        run(out);
    }

    /** Sums the squares that the workers send; closes the channel when they are done if told to. */
    private static void sumOfSquares(boolean closeWhenDone, PrintStream out) {
        Chan<Integer> results = Chan.make();
        WaitGroup wg = new WaitGroup();
        for (int i = 1; i <= WORKERS; i++) {
            int n = i;
            wg.go(() -> results.send(n * n));
        }
        if (closeWhenDone) {
            Go.go(() -> {
                wg.await();
                results.close();
            });
        }
        int sum = 0;
        for (int r : results) {
            sum += r;
        }
        out.println("sum of squares: " + sum);
    }
}
