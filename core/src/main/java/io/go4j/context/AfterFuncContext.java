package io.go4j.context;

import io.go4j.Go;
import io.go4j.sync.Once;

/**
 * The hidden child context behind {@link Context#afterFunc}: Go's {@code afterFuncCtx}. When its
 * parent is done it starts the function in a new goroutine, unless it was stopped first; the
 * {@link Once} decides between the two.
 */
final class AfterFuncContext extends CancelContext {

    private final Runnable f;
    private final Once once = new Once();

    AfterFuncContext(Context parent, Runnable f) {
        super(parent);
        this.f = f;
    }

    @Override
    void canceled() {
        once.run(() -> Go.go(f));
    }

    /**
     * Stops the call of the function if it has not started: Go's {@code stop} function returned
     * by {@code AfterFunc}.
     *
     * @return true if this call prevented the function from running
     */
    boolean stop() {
        boolean[] stopped = {false};
        once.run(() -> stopped[0] = true);
        if (stopped[0]) {
            cancel(true, Context.CANCELED, null);
        }
        return stopped[0];
    }
}
