package io.go4j.context;

import io.go4j.time.Time;
import io.go4j.time.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A context canceled at a deadline: Go's {@code timerCtx}. Its timer is a function timer (Go's
 * {@code time.AfterFunc}), stopped as soon as the context is canceled, so a context canceled
 * early holds no timer.
 */
final class DeadlineContext extends CancelContext {

    private final Instant deadline;
    /** Null before it is armed and once the context is canceled. Monitor-guarded. */
    private Timer timer;

    DeadlineContext(Context parent, Instant deadline) {
        super(parent);
        this.deadline = deadline;
    }

    /**
     * Cancels with {@code cause} at the deadline, at once if it has passed: the rest of Go's
     * {@code WithDeadlineCause}.
     */
    void arm(Throwable cause) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            cancel(true, Context.DEADLINE_EXCEEDED, cause);
            return;
        }
        synchronized (this) {
            if (err() == null) {
                timer = Time.afterFunc(left, () -> cancel(true, Context.DEADLINE_EXCEEDED, cause));
            }
        }
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.of(deadline);
    }

    @Override
    synchronized void canceled() {
        if (timer != null) {
            timer.stop();
            timer = null;
        }
    }

    @Override
    public String toString() {
        return parent + ".WithDeadline(" + deadline + " ["
                + Duration.between(Instant.now(), deadline) + "])";
    }
}
