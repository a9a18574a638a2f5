package io.go4j.examples;

import io.go4j.Chan;
import java.io.PrintStream;

/**
 * Go by Example, "Range over Channels": a for-each loop over a channel, Go's
 * {@code for elem := range queue}, receives until the channel is closed and drained. A closed
 * channel still delivers the values already in its buffer.
 */
public final class RangeOverChannels implements Example {

    @Override
    public String name() {
        return "range-over-channels";
    }

    @Override
    public String description() {
        return "Go by Example: iterate over a closed buffered channel";
    }

    @Override
    public void run(PrintStream out) {
        Chan<String> queue = Chan.make(2);
        queue.send("one");
        queue.send("two");
        queue.close();

        for (String elem : queue) {
            out.println(elem);
        }
    }
}
