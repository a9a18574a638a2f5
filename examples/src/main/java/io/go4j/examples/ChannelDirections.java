package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.RecvChan;
import io.go4j.SendChan;
import java.io.PrintStream;

/**
 * Go by Example, "Channel Directions": functions that take {@code SendChan} ({@code chan<- T})
 * or {@code RecvChan} ({@code <-chan T}) can only send on, or only receive from, the channel they
 * are given; the compiler rejects the other direction.
 */
public final class ChannelDirections implements Example {

    @Override
    public String name() {
        return "channel-directions";
    }

    @Override
    public String description() {
        return "Go by Example: send-only and receive-only channel parameters";
    }

    @Override
    public void run(PrintStream out) {
        Chan<String> pings = Chan.make(1);
        Chan<String> pongs = Chan.make(1);
        ping(pings, "passed message");
        pong(pings, pongs);
        out.println(pongs.receive());
    }

    /** Can only send on {@code pings}. */
    private static void ping(SendChan<String> pings, String msg) {
        pings.send(msg);
    }

    /** Receives from {@code pings}, sends on {@code pongs}. */
    private static void pong(RecvChan<String> pings, SendChan<String> pongs) {
        String msg = pings.receive();
        pongs.send(msg);
    }
}
