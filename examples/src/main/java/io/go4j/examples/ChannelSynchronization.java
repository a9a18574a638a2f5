package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.SendChan;
import java.io.PrintStream;

/**
 * Go by Example, "Channel Synchronization": the main goroutine blocks on a channel until a
 * worker goroutine signals that it has finished.
 *
 * <p>The Go worker sleeps a second to stand for its work; this one goes straight to the end.
 */
public final class ChannelSynchronization implements Example {

    @Override
    public String name() {
        return "channel-synchronization";
    }

    @Override
    public String description() {
        return "Go by Example: wait for a worker goroutine by receiving its done signal";
    }

    @Override
    public void run(PrintStream out) {
        Chan<Boolean> done = Chan.make(1);
        Go.go(() -> worker(done, out));

        done.receive();
    }

    /** Does the work, then tells whoever waits on {@code done}. */
    private static void worker(SendChan<Boolean> done, PrintStream out) {
        out.print("working...");
        out.println("done");

        done.send(true);
    }
}
