package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import java.io.PrintStream;

/**
 * Ping-pong: two goroutines hit a ball back and forth over one unbuffered channel, the
 * "table" (the classic example of Sameer Ajmani's talk "Advanced Go Concurrency Patterns").
 *
 * <p>The Go original stops the game after a second of play; this port stops after a fixed
 * number of hits, so that its output is the same on every run.
 */
public final class PingPong implements Example {

    static final int HITS = 10;

    /** The ball: whoever holds it owns it, so its counter needs no lock. */
    static final class Ball {
        int hits;
    }

    @Override
    public String name() {
        return "pingpong";
    }

    @Override
    public String description() {
        return "two goroutines hit a ball " + HITS + " times over an unbuffered channel";
    }

    @Override
    public void run(PrintStream out) {
        Chan<Ball> table = Chan.make();
        Chan<Ball> done = Chan.make();
        Go.go(() -> player("ping", table, done, out));
        Go.go(() -> player("pong", table, done, out));
        table.send(new Ball());
        Ball ball = done.receive();
        table.close();
        out.println("game over after " + ball.hits + " hits");
    }

    /** Hits the ball back until it has been hit {@link #HITS} times, then ends the game. */
    private static void player(String name, Chan<Ball> table, Chan<Ball> done, PrintStream out) {
        for (Ball ball : table) {
            if (ball.hits == HITS) {
                done.send(ball);
                return;
            }
            ball.hits++;
            out.println(name + " " + ball.hits);
            table.send(ball);
        }
    }
}
