package io.go4j.context;

import io.go4j.RecvChan;
import io.go4j.Select;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A deadline, a cancellation signal and request-scoped values carried across API boundaries and
 * goroutines: Go's {@code context.Context}, with the functions of Go's {@code context} package as
 * static methods.
 *
 * <pre>{@code
 * // ctx, cancel := context.WithTimeout(parent, time.Second)
 * // defer cancel()
 * // select {
 * // case v := <-results: use(v)
 * // case <-ctx.Done():   return ctx.Err()
 * // }
 * try (var wt = Context.withTimeout(parent, Duration.ofSeconds(1))) {
 *     Context ctx = wt.ctx();
 *     Select.select(
 *             Select.recv(results, v -> use(v)),
 *             Select.recv(ctx.done(), v -> { throw ctx.err(); }));
 * }
 * }</pre>
 *
 * <p>How Go's shapes map to Java:
 * <ul>
 * <li>{@code ctx, cancel := context.WithCancel(parent)} returns a {@link WithCancel} record
 *     holding both; it is {@link AutoCloseable}, closing it cancels (Go's {@code defer cancel()}),
 *     and {@link CancelFunc} is the cancel function itself.
 * <li>{@code ctx.Err()} is a {@link ContextException}: {@code null}, {@link #CANCELED} or
 *     {@link #DEADLINE_EXCEEDED}, compared with {@code ==}.
 * <li>{@code ctx.Done()} is a {@code RecvChan<Void>} (Go's {@code <-chan struct{}}) that is
 *     closed, never sent on; like Go's, it is {@code null} for a context that can never be
 *     canceled (a {@code null} channel is never ready in a {@link Select}).
 * <li>{@code ctx.Deadline()} returns an {@code Optional<Instant>} instead of {@code (t, ok)}.
 * </ul>
 *
 * <p>Cancelling a context cancels all of its descendants before the cancel call returns, and
 * detaches the context from its parent, so that a canceled context is not kept alive by its
 * parent. Cancel functions may be called any number of times, from any goroutine; only the first
 * call has an effect. The closing of {@code done()} happens-before a receive that sees it closed,
 * and {@code err()} is set before.
 *
 * <p>Like Go's, this interface may be implemented outside go4j (a context that wraps another, for
 * instance). go4j's contexts derived from such a context watch its {@code done()} channel with a
 * goroutine, as Go does.
 */
public interface Context {

    /** Returned by {@link #err()} when the context was canceled: Go's {@code context.Canceled}. */
    ContextException CANCELED = new ContextException("context canceled", false);

    /**
     * Returned by {@link #err()} when the context's deadline passed: Go's
     * {@code context.DeadlineExceeded}.
     */
    ContextException DEADLINE_EXCEEDED = new ContextException("context deadline exceeded", true);

    /**
     * Returns when the context will be canceled by itself: Go's {@code ctx.Deadline()}.
     *
     * @return the deadline, or empty if there is none
     */
    Optional<Instant> deadline();

    /**
     * Returns a channel that is closed when the context is done: Go's {@code ctx.Done()}.
     * Successive calls return the same channel.
     *
     * @return the channel, or {@code null} if the context can never be canceled
     */
    RecvChan<Void> done();

    /**
     * Tells why the context is done: Go's {@code ctx.Err()}. Once non-null, it does not change.
     *
     * @return {@code null} while {@link #done()} is not closed, else {@link #CANCELED} or
     *     {@link #DEADLINE_EXCEEDED}
     */
    ContextException err();

    /**
     * Returns the value associated with {@code key} by this context or its nearest ancestor that
     * has one: Go's {@code ctx.Value(key)}. Keys are compared with {@code equals}; as in Go, use a
     * key of a type of your own so that it cannot collide with other packages' keys.
     *
     * @param key the key
     * @return the value, or {@code null} if there is none
     */
    Object value(Object key);

    /**
     * A function that cancels a context: Go's {@code context.CancelFunc}. Closing it cancels, so
     * it also serves as a try-with-resources resource.
     */
    @FunctionalInterface
    interface CancelFunc extends AutoCloseable {

        /** Cancels the context; only the first call has an effect. Does not wait for anything. */
        void cancel();

        /** Cancels the context: Go's {@code defer cancel()}. */
        @Override
        default void close() {
            cancel();
        }
    }

    /** A function that cancels a context with a cause: Go's {@code context.CancelCauseFunc}. */
    @FunctionalInterface
    interface CancelCauseFunc {

        /**
         * Cancels the context and records {@code cause}, which {@link Context#cause} then reports;
         * only the first call has an effect.
         *
         * @param cause why; {@code null} makes it {@link Context#CANCELED}
         */
        void cancel(Throwable cause);
    }

    /**
     * What {@link #withCancel}, {@link #withDeadline} and {@link #withTimeout} return: Go's
     * {@code (ctx, cancel)} pair. Closing it cancels the context.
     *
     * @param ctx the new context
     * @param cancel its cancel function
     */
    record WithCancel(Context ctx, CancelFunc cancel) implements AutoCloseable {

        /** Cancels the context: Go's {@code defer cancel()}. */
        @Override
        public void close() {
            cancel.cancel();
        }
    }

    /**
     * What {@link #withCancelCause} returns: Go's {@code (ctx, cancel)} pair. Closing it cancels
     * the context with no particular cause.
     *
     * @param ctx the new context
     * @param cancel its cancel function
     */
    record WithCancelCause(Context ctx, CancelCauseFunc cancel) implements AutoCloseable {

        /** Cancels the context, cause {@link Context#CANCELED}: Go's {@code defer cancel(nil)}. */
        @Override
        public void close() {
            cancel.cancel(null);
        }
    }

    /** The function returned by {@link #afterFunc}: Go's {@code stop func() bool}. */
    @FunctionalInterface
    interface StopFunc {

        /**
         * Stops the association of the function with the context.
         *
         * @return true if this call stopped the function from being run; false if it had already
         *     been started or stopped
         */
        boolean stop();
    }

    /**
     * Returns the empty root context, never canceled, with no values and no deadline: Go's
     * {@code context.Background()}.
     *
     * @return the background context
     */
    static Context background() {
        return EmptyContext.BACKGROUND;
    }

    /**
     * Returns an empty context to use where it is unclear which one to use: Go's
     * {@code context.TODO()}.
     *
     * @return the TODO context
     */
    static Context todo() {
        return EmptyContext.TODO;
    }

    /**
     * Derives a context that is done when {@code cancel} is called or the parent is done: Go's
     * {@code context.WithCancel(parent)}.
     *
     * @param parent the parent
     * @return the new context and its cancel function
     * @throws NullPointerException if {@code parent} is null (Go's panic
     *     {@code cannot create context from nil parent})
     */
    static WithCancel withCancel(Context parent) {
        CancelContext c = newCancelContext(parent);
        return new WithCancel(c, () -> c.cancel(true, CANCELED, null));
    }

    /**
     * Like {@link #withCancel}, but the cancel function takes the cause: Go's
     * {@code context.WithCancelCause(parent)}.
     *
     * @param parent the parent
     * @return the new context and its cancel function
     */
    static WithCancelCause withCancelCause(Context parent) {
        CancelContext c = newCancelContext(parent);
        return new WithCancelCause(c, cause -> c.cancel(true, CANCELED, cause));
    }

    /**
     * Derives a context that is done at {@code deadline}, when cancelled, or when the parent is
     * done, whichever comes first: Go's {@code context.WithDeadline(parent, d)}. If the parent's
     * deadline is earlier, this is {@link #withCancel}.
     *
     * @param parent the parent
     * @param deadline when the context expires
     * @return the new context and its cancel function (call it, or close the result, to release
     *     the timer as soon as the work is done)
     */
    static WithCancel withDeadline(Context parent, Instant deadline) {
        return withDeadlineCause(parent, deadline, null);
    }

    /**
     * Like {@link #withDeadline}, but {@code cause} becomes the {@link #cause} once the deadline
     * passes: Go's {@code context.WithDeadlineCause}.
     *
     * @param parent the parent
     * @param deadline when the context expires
     * @param cause the cause at expiry, or null for {@link #DEADLINE_EXCEEDED}
     * @return the new context and its cancel function
     */
    static WithCancel withDeadlineCause(Context parent, Instant deadline, Throwable cause) {
        Objects.requireNonNull(deadline, "deadline");
        Optional<Instant> current =
                Objects.requireNonNull(parent, "cannot create context from nil parent").deadline();
        if (current.isPresent() && current.get().isBefore(deadline)) {
            return withCancel(parent);
        }
        DeadlineContext c = new DeadlineContext(parent, deadline);
        CancelContext.propagateCancel(parent, c);
        c.arm(cause);
        return new WithCancel(c, () -> c.cancel(true, CANCELED, null));
    }

    /**
     * Derives a context that is done after {@code timeout}: Go's
     * {@code context.WithTimeout(parent, timeout)}, that is
     * {@code withDeadline(parent, now + timeout)}.
     *
     * @param parent the parent
     * @param timeout how long from now
     * @return the new context and its cancel function
     */
    static WithCancel withTimeout(Context parent, Duration timeout) {
        return withTimeoutCause(parent, timeout, null);
    }

    /**
     * Like {@link #withTimeout}, with the cause reported once it expires: Go's
     * {@code context.WithTimeoutCause}.
     *
     * @param parent the parent
     * @param timeout how long from now
     * @param cause the cause at expiry, or null for {@link #DEADLINE_EXCEEDED}
     * @return the new context and its cancel function
     */
    static WithCancel withTimeoutCause(Context parent, Duration timeout, Throwable cause) {
        Instant now = Instant.now();
        Instant deadline;
        try {
            deadline = now.plus(timeout);
        } catch (ArithmeticException | DateTimeException tooFar) {
            deadline = timeout.isNegative() ? Instant.MIN : Instant.MAX;
        }
        return withDeadlineCause(parent, deadline, cause);
    }

    /**
     * Derives a context that carries {@code val} for {@code key}: Go's
     * {@code context.WithValue(parent, key, val)}.
     *
     * @param parent the parent
     * @param key the key, not null
     * @param val the value, possibly null
     * @return the new context
     * @throws NullPointerException with Go's message {@code nil key} if {@code key} is null
     */
    static Context withValue(Context parent, Object key, Object val) {
        Objects.requireNonNull(parent, "cannot create context from nil parent");
        Objects.requireNonNull(key, "nil key");
        return new ValueContext(parent, key, val);
    }

    /**
     * Derives a context that has the parent's values but is never canceled, has no deadline and
     * no error, even when the parent is done: Go's {@code context.WithoutCancel(parent)}.
     *
     * @param parent the parent
     * @return the new context
     */
    static Context withoutCancel(Context parent) {
        return new WithoutCancelContext(Objects.requireNonNull(parent,
                "cannot create context from nil parent"));
    }

    /**
     * Arranges for {@code f} to run in a new goroutine once {@code ctx} is done (at once if it is
     * done already): Go's {@code context.AfterFunc(ctx, f)}. Several calls with one context run
     * their functions independently.
     *
     * @param ctx the context to watch
     * @param f what to run
     * @return a function that cancels the arrangement
     */
    static StopFunc afterFunc(Context ctx, Runnable f) {
        Objects.requireNonNull(f, "f");
        AfterFuncContext a = new AfterFuncContext(Objects.requireNonNull(ctx, "ctx"), f);
        CancelContext.propagateCancel(ctx, a);
        return a::stop;
    }

    /**
     * Tells why {@code c} was canceled: Go's {@code context.Cause(c)}. That is the cause given to
     * a {@link CancelCauseFunc} or to {@link #withDeadlineCause} / {@link #withTimeoutCause} of
     * {@code c} or the ancestor whose cancellation reached it; otherwise {@code c.err()}.
     *
     * @param c a context
     * @return the cause, or {@code null} if {@code c} is not canceled
     */
    static Throwable cause(Context c) {
        return c.value(CancelContext.KEY) instanceof CancelContext cc ? cc.cause() : c.err();
    }

    private static CancelContext newCancelContext(Context parent) {
        CancelContext c = new CancelContext(Objects.requireNonNull(parent,
                "cannot create context from nil parent"));
        CancelContext.propagateCancel(parent, c);
        return c;
    }
}
