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
 * Go by Example, "Tickers": a {@link Ticker} sends the time on its channel at a regular interval
 * until it is stopped.
 *
 * <p>Go by Example's ticker ticks every 500 ms and runs 1600 ms, for three ticks; this one keeps
 * those proportions at a fifth of the time. How many ticks print depends on how punctually the
 * machine runs them: three, unless it is very busy.
 */
public final class Tickers implements Example {

    static final Duration PERIOD = Duration.ofMillis(100);

    @Override
    public String name() {
        return "tickers";
    }

    @Override
    public String description() {
        return "Go by Example: a ticker ticks until it is stopped";
    }

    @Override
    public void run(PrintStream out) {
        Ticker ticker = Time.newTicker(PERIOD);
        Chan<Boolean> done = Chan.make();

        Go.go(() -> {
            Select.Chosen chosen = new Select.Chosen();
            while (true) {
                switch (Select.select(chosen, Select.recv(done), Select.recv(ticker.c()))) {
                    case 0 -> {
                        return;
                    }
                    default -> {
                        Instant t = chosen.value();
                        out.println("Tick at " + t);
                    }
                }
            }
        });

        Time.sleep(PERIOD.multipliedBy(16).dividedBy(5));
        ticker.stop();
        done.send(true);
        out.println("Ticker stopped");
    }
}
