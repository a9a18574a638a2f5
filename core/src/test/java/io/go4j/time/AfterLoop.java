package io.go4j.time;

import io.go4j.Chan;
import io.go4j.Select;
import java.time.Duration;

/**
 * Run in a JVM of its own by {@link TimerMemoryTest}: {@code args[0]} selects, each with a ready
 * channel and a {@code Time.after(1 hour)} case that never fires. Exits normally only if the heap
 * it was given sufficed.
 */
public final class AfterLoop {

    private AfterLoop() {
    }

    /**
     * Runs the loop.
     *
     * @param args the number of selects
     */
    public static void main(String[] args) {
        long n = Long.parseLong(args[0]);
        Duration hour = Duration.ofHours(1);
        Chan<Long> ready = Chan.make(1);
        long sum = 0;
        long[] got = {0};
        for (long i = 0; i < n; i++) {
            ready.send(i);
            Select.select(Select.recv(ready, v -> got[0] = v), Select.recv(Time.after(hour)));
            sum += got[0];
        }
        if (sum != n * (n - 1) / 2) {
            throw new AssertionError("received the wrong values");
        }
        System.out.println("done " + n);
    }
}
