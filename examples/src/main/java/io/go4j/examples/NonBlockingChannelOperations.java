package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Select;
import java.io.PrintStream;

/**
 * Go by Example, "Non-Blocking Channel Operations": a {@code select} with a {@code default} case
 * tries a send or a receive and takes the default when it cannot proceed at once.
 *
 * <p>Nobody else uses the channels, so nothing is ever ready and every select takes its default.
 * The one-case forms are also {@code trySend} and {@code tryReceive}.
 */
public final class NonBlockingChannelOperations implements Example {

    @Override
    public String name() {
        return "non-blocking-channel-operations";
    }

    @Override
    public String description() {
        return "Go by Example: select with a default case never blocks";
    }

    @Override
    public void run(PrintStream out) {
        Chan<String> messages = Chan.make();
        Chan<Boolean> signals = Chan.make();

        Select.select(
                Select.recv(messages, (String msg) -> out.println("received message " + msg)),
                Select.defaultCase(() -> out.println("no message received")));

        String msg = "hi";
        Select.select(
                Select.send(messages, msg, () -> out.println("sent message " + msg)),
                Select.defaultCase(() -> out.println("no message sent")));

        Select.select(
                Select.recv(messages, (String m) -> out.println("received message " + m)),
                Select.recv(signals, (Boolean sig) -> out.println("received signal " + sig)),
                Select.defaultCase(() -> out.println("no activity")));
    }
}
