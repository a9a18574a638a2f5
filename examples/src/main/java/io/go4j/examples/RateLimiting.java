package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.Select;
import io.go4j.time.Ticker;
import io.go4j.time.Time;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Go by Example, "Rate Limiting": serve requests no faster than one per tick of a ticker; then
 * let a burst of three through at once before falling back to that rate, by putting the ticks in
 * a buffered channel filled in advance.
 *
 * <p>Go by Example refills the bursty limiter from {@code time.Tick} in a goroutine that runs
 * until the program ends, blocked when the limiter is full; here the refill uses a
 * {@link Ticker}, drops a tick when the limiter is full (as a ticker drops ticks nobody takes),
 * and stops when the requests are served. Each line ends with the time the request was served,
 * which varies.
 */
public final class RateLimiting implements Example {

    static final Duration PERIOD = Duration.ofMillis(200);
    static final int REQUESTS = 5;
    static final int BURST = 3;

    @Override
    public String name() {
        return "rate-limiting";
    }

    @Override
    public String description() {
        return "Go by Example: one request per tick, then bursts of " + BURST
                + " from a buffered limiter";
    }

    @Override
    public void run(PrintStream out) {
        Chan<Integer> requests = requests();
        Ticker limiter = Time.newTicker(PERIOD);
        for (int req : requests) {
            limiter.c().receive();
            out.println("request " + req + " " + Instant.now());
        }
        limiter.stop();

        Chan<Instant> burstyLimiter = Chan.make(BURST);
        for (int i = 0; i < BURST; i++) {
            burstyLimiter.send(Instant.now());
        }
        Ticker refill = Time.newTicker(PERIOD);
        Chan<Void> quit = Chan.make();
        Go.go(() -> {
            Select.Chosen chosen = new Select.Chosen();
            while (true) {
                switch (Select.select(chosen, Select.recv(quit), Select.recv(refill.c()))) {
                    case 0 -> {
                        return;
                    }
                    default -> burstyLimiter.trySend(chosen.value());
                }
            }
        });

        for (int req : requests()) {
            burstyLimiter.receive();
            out.println("request " + req + " " + Instant.now());
        }
        refill.stop();
        quit.close();
    }

    /** Returns a closed channel holding the requests 1 to {@link #REQUESTS}. */
    private static Chan<Integer> requests() {
        Chan<Integer> requests = Chan.make(REQUESTS);
        for (int i = 1; i <= REQUESTS; i++) {
            requests.send(i);
        }
        requests.close();
        return requests;
    }
}
