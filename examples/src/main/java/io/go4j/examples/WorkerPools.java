package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.RecvChan;
import io.go4j.SendChan;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Go by Example, "Worker Pools": three workers take five jobs from one channel and send their
 * results on another.
 *
 * <p>The Go workers sleep a second per job to stand for expensive work; these just double the
 * job's number. Which worker takes which job, and the order of the lines, vary from run to run.
 * Unlike the original, the main goroutine prints the results it collects, sorted.
 */
public final class WorkerPools implements Example {

    static final int JOBS = 5;
    static final int WORKERS = 3;

    @Override
    public String name() {
        return "worker-pools";
    }

    @Override
    public String description() {
        return "Go by Example: " + WORKERS + " workers share " + JOBS + " jobs";
    }

    @Override
    public void run(PrintStream out) {
        Chan<Integer> jobs = Chan.make(JOBS);
        Chan<Integer> results = Chan.make(JOBS);

        for (int w = 1; w <= WORKERS; w++) {
            int id = w;
            Go.go(() -> worker(id, jobs, results, out));
        }

        for (int j = 1; j <= JOBS; j++) {
            jobs.send(j);
        }
        jobs.close();

        List<Integer> collected = new ArrayList<>();
        for (int a = 1; a <= JOBS; a++) {
            collected.add(results.receive());
        }
        Collections.sort(collected);
        out.println("results: " + collected);
    }

    /** Takes jobs until the channel is closed, sending each job's result. */
    private static void worker(int id, RecvChan<Integer> jobs, SendChan<Integer> results,
            PrintStream out) {
        for (int j : jobs) {
            out.println("worker " + id + " started job " + j);
            int result = j * 2;
            out.println("worker " + id + " finished job " + j);
            results.send(result);
        }
    }
}
