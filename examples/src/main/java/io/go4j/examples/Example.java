package io.go4j.examples;

import io.go4j.Go;
import java.io.PrintStream;

/** A Go program ported to go4j, runnable by name from {@link Examples}. */
public interface Example {

    /**
     * Returns the name the example is run by.
     *
     * @return a short lower-case name, for example {@code sieve}
     */
    String name();

    /**
     * Returns what the original Go program is.
     *
     * @return one line naming the Go source it ports
     */
    String description();

    /**
     * Runs the program, printing what the Go program prints.
     *
     * @param out where to print
     */
    void run(PrintStream out);

    /**
     * Runs the program as Go runs one: {@link #run} is the main goroutine of a {@link Go#main}
     * program, so an exception escaping any of its goroutines, or a deadlock, ends it and is
     * thrown here.
     *
     * @param out where to print
     */
    default void runAsProgram(PrintStream out) {
        Go.main(() -> run(out));
    }
}
