package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.Select;
import io.go4j.time.Time;
import io.go4j.time.Timer;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Go by Example, "Timers": a {@link Timer} sends on its channel once, after a delay; unlike a
 * sleep, it can be stopped before it fires.
 *
 * <p>The durations are a tenth of Go by Example's. The goroutine that waits for the stopped timer
 * would wait forever (Go ends it when {@code main} returns); here closing {@code quit} ends it.
 */
public final class Timers implements Example {

    /** Go by Example's second, scaled down. */
    static final Duration UNIT = Duration.ofMillis(100);

    @Override
    public String name() {
        return "timers";
    }

    @Override
    public String description() {
        return "Go by Example: a timer fires once; a stopped timer never does";
    }

    @Override
    public void run(PrintStream out) {
        Timer timer1 = Time.newTimer(UNIT.multipliedBy(2));
        timer1.c().receive();
        out.println("Timer 1 fired");

        Timer timer2 = Time.newTimer(UNIT);
        Chan<Void> quit = Chan.make();
        Go.go(() -> Select.select(
                Select.recv(timer2.c(), t -> out.println("Timer 2 fired")),
                Select.recv(quit)));
        boolean stop2 = timer2.stop();
        if (stop2) {
            out.println("Timer 2 stopped");
        }

        Time.sleep(UNIT.multipliedBy(2));
        quit.close();
    }
}
