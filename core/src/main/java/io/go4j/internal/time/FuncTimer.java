package io.go4j.internal.time;

import io.go4j.Go;

/**
 * A timer that starts a function in a new goroutine when it fires: the timer behind Go's
 * {@code time.AfterFunc}. The function never runs on the timer thread.
 */
public final class FuncTimer extends RuntimeTimer {

    private final Runnable f;

    /**
     * Creates a stopped timer for {@code f}.
     *
     * @param service the service that will fire it
     * @param f what to run, in its own goroutine, each time the timer fires
     */
    public FuncTimer(TimerService service, Runnable f) {
        super(service, false);
        this.f = f;
    }

    @Override
    protected void fire(long lateNanos) {
        Go.go(f);
    }
}
