package io.go4j.context;

/**
 * Why a context is done: Go's {@code context.Canceled} and {@code context.DeadlineExceeded}.
 *
 * <p>Go's {@code ctx.Err()} returns an {@code error}; go4j's {@link Context#err()} returns one of
 * exactly two instances of this class, {@link Context#CANCELED} ({@code "context canceled"}) and
 * {@link Context#DEADLINE_EXCEEDED} ({@code "context deadline exceeded"}), or {@code null} while
 * the context is not done. Compare them with {@code ==} where Go writes
 * {@code errors.Is(err, context.Canceled)}. They are unchecked exceptions so that code ported from
 * {@code return ctx.Err()} can {@code throw ctx.err()}, for instance from an
 * {@link io.go4j.sync.ErrGroup} task. Being shared, they carry no stack trace and accept no
 * suppressed exceptions.
 */
public final class ContextException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** True for {@link Context#DEADLINE_EXCEEDED}, false for {@link Context#CANCELED}. */
    private final boolean timeout;

    ContextException(String message, boolean timeout) {
        super(message, null, false, false);
        this.timeout = timeout;
    }

    /**
     * Tells whether this is {@link Context#DEADLINE_EXCEEDED}: Go's {@code Timeout()} method of
     * {@code context.DeadlineExceeded}, which makes it a {@code net.Error} timeout.
     *
     * @return true for a deadline, false for a cancellation
     */
    public boolean timeout() {
        return timeout;
    }

    /**
     * The message alone, as Go prints the error ({@code fmt.Println(ctx.Err())} prints
     * {@code context deadline exceeded}), so that a ported print reads the same; Java's default
     * would put this class's name in front.
     *
     * @return {@code "context canceled"} or {@code "context deadline exceeded"}
     */
    @Override
    public String toString() {
        return getMessage();
    }
}
