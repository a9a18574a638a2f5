package io.go4j.examples;

import io.go4j.Go;
import io.go4j.context.Context;
import io.go4j.context.ContextException;
import io.go4j.runtime.Scheduler;
import io.go4j.sync.Semaphore;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The worker pool example of {@code golang.org/x/sync/semaphore}: at most {@code GOMAXPROCS}
 * goroutines at a time compute the Collatz stopping times of 1 to 32, each taking a unit of a
 * weighted semaphore with {@code Acquire(ctx, 1)}; acquiring the whole weight at the end waits
 * for the last of them.
 */
public final class SemaphoreWorkerPool implements Example {

    @Override
    public String name() {
        return "semaphore-worker-pool";
    }

    @Override
    public String description() {
        return "x/sync/semaphore's worker pool: a weighted semaphore bounds the goroutines at work";
    }

    @Override
    public void run(PrintStream out) {
        Context ctx = Context.todo();
        int maxWorkers = Scheduler.defaultScheduler().procs();
        Semaphore sem = new Semaphore(maxWorkers);
        int[] results = new int[32];

        for (int i = 0; i < results.length; i++) {
            ContextException err = sem.acquire(ctx, 1);
            if (err != null) {
                out.println("Failed to acquire semaphore: " + err);
                break;
            }
            int n = i;
            Go.go(() -> {
                try {
                    results[n] = collatzSteps(n + 1);
                } finally {
                    sem.release(1);
                }
            });
        }

        // Acquiring all the weight waits for every worker to release its unit.
        ContextException err = sem.acquire(ctx, maxWorkers);
        if (err != null) {
            out.println("Failed to acquire semaphore: " + err);
        }
        out.println(Arrays.toString(results).replace(",", ""));
    }

    /** The number of steps from {@code n} down to 1 in the Collatz sequence. */
    static int collatzSteps(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("nonpositive input");
        }
        int steps = 0;
        for (long x = n; x != 1; steps++) {
            x = x % 2 == 0 ? x / 2 : 3 * x + 1;
        }
        return steps;
    }
}
