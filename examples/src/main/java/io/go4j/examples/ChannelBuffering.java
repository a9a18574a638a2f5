package io.go4j.examples;

import io.go4j.Chan;
import java.io.PrintStream;

/**
 * Go by Example, "Channel Buffering": a channel with room for two values accepts two sends
 * with nobody receiving yet.
 */
public final class ChannelBuffering implements Example {

    @Override
    public String name() {
        return "channel-buffering";
    }

    @Override
    public String description() {
        return "Go by Example: two sends into a buffered channel, no receiver waiting";
    }

    @Override
    public void run(PrintStream out) {
        Chan<String> messages = Chan.make(2);

        messages.send("buffered");
        messages.send("channel");

        out.println(messages.receive());
        out.println(messages.receive());
    }
}
