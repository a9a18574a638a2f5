package io.go4j;

/**
 * Go's panic on a misused closed channel: {@code send on closed channel} or
 * {@code close of closed channel}.
 */
public class ChanClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with one of Go's panic messages.
     *
     * @param message Go's text, for example {@code send on closed channel}
     */
    public ChanClosedException(String message) {
        super(message);
    }
}
