package io.go4j.context;

import io.go4j.Go;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hidden child context behind {@link Context#afterFunc}: Go's {@code afterFuncCtx}. When its
 * parent is done it starts the function in a new goroutine, unless it was stopped first; the
 * first to set {@code decided} decides between the two (Go uses a {@code sync.Once}; an atomic
 * flag keeps {@code io.go4j.context} from depending on {@code io.go4j.sync}, which depends on
 * it for {@code ErrGroup} and {@code Semaphore.acquire(Context, long)}).
 */
final class AfterFuncContext extends CancelContext {

    private final Runnable f;
    private final AtomicBoolean decided = new AtomicBoolean();

    AfterFuncContext(Context parent, Runnable f) {
        super(parent);
        this.f = f;
    }

    @Override
    void canceled() {
        if (decided.compareAndSet(false, true)) {
            Go.go(f);
        }
    }

    /**
     * Stops the call of the function if it has not started: Go's {@code stop} function returned
     * by {@code AfterFunc}.
     *
     * @return true if this call prevented the function from running
     */
    boolean stop() {
        boolean stopped = decided.compareAndSet(false, true);
        if (stopped) {
            cancel(true, Context.CANCELED, null);
        }
        return stopped;
    }
}
