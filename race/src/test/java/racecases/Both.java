package racecases;

import io.go4j.Chan;
import io.go4j.Go;

/** The shape of most of Go's race tests: two goroutines, then a wait for both. */
final class Both {

    private Both() {
    }

    /**
     * Runs {@code a} and {@code b} in two goroutines and returns when both are done; the wait
     * orders nothing between them.
     */
    static void run(Runnable a, Runnable b) {
        Chan<Boolean> done = Chan.make(2);
        Go.go(() -> {
            a.run();
            done.send(true);
        });
        Go.go(() -> {
            b.run();
            done.send(true);
        });
        done.receive();
        done.receive();
    }
}
