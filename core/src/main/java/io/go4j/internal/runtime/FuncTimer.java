package io.go4j.internal.runtime;

import io.go4j.internal.race.Race;
import java.util.function.Consumer;

/**
 * A timer that starts a function in a new goroutine when it fires: the timer behind Go's
 * {@code time.AfterFunc}. The function never runs on the timer thread: it runs in a goroutine of
 * the scheduler and the {@code Go.main} program of the goroutine that made the timer.
 */
public final class FuncTimer extends RuntimeTimer {

    private final Runnable f;
    /** Starts {@code f} on the scheduler, and in the program, of whoever made the timer. */
    private final Consumer<Runnable> starter = Goroutines.starterForCaller();

    /**
     * Creates a stopped timer for {@code f}.
     *
     * @param service the service that will fire it
     * @param f what to run, in its own goroutine, each time the timer fires
     */
    public FuncTimer(TimerService service, Runnable f) {
        super(service, false);
        this.f = f;
        if (Race.ENABLED) {
            Race.release(this);
        }
    }

    @Override
    protected void fire(long lateNanos) {
        if (Race.ENABLED) {
            starter.accept(() -> {
                Race.acquire(this);
                f.run();
            });
        } else {
            starter.accept(f);
        }
    }
}
