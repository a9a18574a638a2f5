package io.go4j.examples;

import io.go4j.sync.WaitGroup;
import java.io.PrintStream;

/**
 * Go by Example, "WaitGroups": wait for several goroutines to finish. {@code wg.go(f)} is Go
 * 1.25's {@code wg.Go(f)}, the short form of {@code wg.Add(1)}, {@code go}, and a deferred
 * {@code wg.Done()}.
 *
 * <p>The Go workers sleep a second to stand for their work; these do not. The order in which the
 * workers start and finish varies from run to run.
 */
public final class WaitGroups implements Example {

    static final int WORKERS = 5;

    @Override
    public String name() {
        return "waitgroups";
    }

    @Override
    public String description() {
        return "Go by Example: a WaitGroup waits for " + WORKERS + " goroutines";
    }

    @Override
    public void run(PrintStream out) {
        WaitGroup wg = new WaitGroup();

        for (int i = 1; i <= WORKERS; i++) {
            int id = i;
            wg.go(() -> worker(id, out));
        }

        wg.await();
    }

    private static void worker(int id, PrintStream out) {
        out.println("Worker " + id + " starting");
        out.println("Worker " + id + " done");
    }
}
