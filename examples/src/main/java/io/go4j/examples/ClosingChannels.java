package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.Received;
import java.io.PrintStream;

/**
 * Go by Example, "Closing Channels": closing the jobs channel tells the worker that no more jobs
 * will come. {@code receiveOk()}, Go's {@code j, more := <-jobs}, reports it.
 *
 * <p>The sends go into a buffer, so the main goroutine's "sent" lines and the worker's
 * "received" lines interleave differently from run to run.
 */
public final class ClosingChannels implements Example {

    @Override
    public String name() {
        return "closing-channels";
    }

    @Override
    public String description() {
        return "Go by Example: close a jobs channel to tell the worker the work is over";
    }

    @Override
    public void run(PrintStream out) {
        Chan<Integer> jobs = Chan.make(5);
        Chan<Boolean> done = Chan.make();

        Go.go(() -> {
            while (true) {
                Received<Integer> j = jobs.receiveOk();
                if (!j.ok()) {
                    out.println("received all jobs");
                    done.send(true);
                    return;
                }
                out.println("received job " + j.value());
            }
        });

        for (int j = 1; j <= 3; j++) {
            jobs.send(j);
            out.println("sent job " + j);
        }
        jobs.close();
        out.println("sent all jobs");

        done.receive();

        boolean ok = jobs.receiveOk().ok();
        out.println("received more jobs: " + ok);
    }
}
