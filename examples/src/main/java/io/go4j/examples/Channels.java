package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import java.io.PrintStream;

/**
 * Go by Example, "Channels": one goroutine sends a string, the main goroutine receives it. The
 * channel is unbuffered, so the send and the receive wait for each other.
 */
public final class Channels implements Example {

    @Override
    public String name() {
        return "channels";
    }

    @Override
    public String description() {
        return "Go by Example: a goroutine sends a message over an unbuffered channel";
    }

    @Override
    public void run(PrintStream out) {
        Chan<String> messages = Chan.make();

        Go.go(() -> messages.send("ping"));

        String msg = messages.receive();
        out.println(msg);
    }
}
