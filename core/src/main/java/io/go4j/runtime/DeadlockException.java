package io.go4j.runtime;

/**
 * Thrown by {@link io.go4j.Go#main} when every goroutine of the program is blocked in a go4j
 * operation that only another goroutine of the program could end, with no timer pending: Go's
 * fatal error {@code all goroutines are asleep - deadlock!}.
 *
 * <p>The message is Go's, word for word; {@link #dump()} holds the goroutine dump, which
 * {@link #toString()} (and so a printed stack trace) appends, as Go prints it after the error.
 */
public final class DeadlockException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Go's text. */
    public static final String MESSAGE = "all goroutines are asleep - deadlock!";

    /** The deadlocked program's goroutine dump, in Go's format. */
    private final String dump;

    /**
     * Creates the exception of a deadlocked program.
     *
     * @param dump the goroutine dump of the deadlocked program
     */
    public DeadlockException(String dump) {
        super(MESSAGE);
        this.dump = dump;
    }

    /**
     * Returns the program's goroutines at the time of the deadlock, in Go's format.
     *
     * @return the goroutine dump
     */
    public String dump() {
        return dump;
    }

    @Override
    public String toString() {
        return super.toString() + "\n\n" + dump;
    }
}
