package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.Select;
import java.io.PrintStream;

/**
 * Go by Example, "Select": one {@code select} waits on two channels at once and takes whichever
 * value arrives first.
 *
 * <p>In the Go original the goroutines sleep one and two seconds, so "one" always comes first;
 * here they send at once, and the order of the two lines varies from run to run.
 */
public final class SelectStatement implements Example {

    @Override
    public String name() {
        return "select";
    }

    @Override
    public String description() {
        return "Go by Example: select receives from whichever of two channels is ready";
    }

    @Override
    public void run(PrintStream out) {
        Chan<String> c1 = Chan.make();
        Chan<String> c2 = Chan.make();

        Go.go(() -> c1.send("one"));
        Go.go(() -> c2.send("two"));

        Select.Chosen chosen = new Select.Chosen();
        for (int i = 0; i < 2; i++) {
            switch (Select.select(chosen, Select.recv(c1), Select.recv(c2))) {
                case 0 -> {
                    String msg1 = chosen.value();
                    out.println("received " + msg1);
                }
                default -> {
                    String msg2 = chosen.value();
                    out.println("received " + msg2);
                }
            }
        }
    }
}
