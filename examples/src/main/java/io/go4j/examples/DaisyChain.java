package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.RecvChan;
import io.go4j.SendChan;
import java.io.PrintStream;

/**
 * Rob Pike's daisy chain ("Go Concurrency Patterns", 2012): a hundred thousand goroutines in a
 * row, each joined to the next by an unbuffered channel. A 1 enters at the far end; each goroutine
 * adds one to what it receives from its right and passes the sum to its left.
 */
public final class DaisyChain implements Example {

    static final int GOROUTINES = 100_000;

    @Override
    public String name() {
        return "daisy-chain";
    }

    @Override
    public String description() {
        return "Rob Pike's daisy chain of " + GOROUTINES + " goroutines passing a number along";
    }

    @Override
    public void run(PrintStream out) {
        Chan<Integer> leftmost = Chan.make();
        Chan<Integer> left = leftmost;
        Chan<Integer> right = leftmost;
        for (int i = 0; i < GOROUTINES; i++) {
            right = Chan.make();
            Chan<Integer> l = left;
            Chan<Integer> r = right;
            Go.go(() -> whisper(l, r));
            left = right;
        }
        Chan<Integer> end = right;
        Go.go(() -> end.send(1));
        out.println(leftmost.receive());
    }

    /** Passes on, to the left, one more than it hears from the right. */
    private static void whisper(SendChan<Integer> left, RecvChan<Integer> right) {
        left.send(1 + right.receive());
    }
}
