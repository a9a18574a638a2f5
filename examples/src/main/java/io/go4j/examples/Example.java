package io.go4j.examples;

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
}
