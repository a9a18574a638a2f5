package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.Select;
import io.go4j.time.Time;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Go by Example, "Timeouts": a {@code select} between a result and {@code Time.after(d)} gives up
 * on the result after {@code d}.
 *
 * <p>The durations are a tenth of Go by Example's. The results go into channels with room for
 * one value, so that the goroutine whose result nobody waits for any more can still send it and
 * end.
 */
public final class Timeouts implements Example {

    /** Go by Example's second, scaled down. */
    static final Duration UNIT = Duration.ofMillis(100);

    @Override
    public String name() {
        return "timeouts";
    }

    @Override
    public String description() {
        return "Go by Example: select on a result or time.After, whichever comes first";
    }

    @Override
    public void run(PrintStream out) {
        Chan<String> c1 = Chan.make(1);
        Go.go(() -> {
            Time.sleep(UNIT.multipliedBy(2));
            c1.send("result 1");
        });
        Select.select(
                Select.recv(c1, (String res) -> out.println(res)),
                Select.recv(Time.after(UNIT), t -> out.println("timeout 1")));

        Chan<String> c2 = Chan.make(1);
        Go.go(() -> {
            Time.sleep(UNIT.multipliedBy(2));
            c2.send("result 2");
        });
        Select.select(
                Select.recv(c2, (String res) -> out.println(res)),
                Select.recv(Time.after(UNIT.multipliedBy(3)), t -> out.println("timeout 2")));
    }
}
