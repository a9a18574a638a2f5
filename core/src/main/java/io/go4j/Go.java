package io.go4j;

import java.util.concurrent.ThreadFactory;

/**
 * Goroutines: Go's {@code go} statement and {@code runtime.Gosched}.
 *
 * <p>A goroutine is a virtual thread. Everything it does before it is started happens-before
 * its body runs, as Go's memory model says of {@code go}.
 */
public final class Go {

    private static final ThreadFactory GOROUTINES = Thread.ofVirtual().name("goroutine-", 1).factory();

    private Go() {
    }

    /**
     * Starts {@code body} in a new goroutine: Go's {@code go body()}.
     *
     * @param body what the goroutine runs
     * @return the goroutine's thread, already started
     */
    public static Thread go(Runnable body) {
        Thread g = GOROUTINES.newThread(body);
        g.start();
        return g;
    }

    /**
     * Yields the processor so that other goroutines may run: Go's {@code runtime.Gosched()}.
     */
    public static void gosched() {
        Thread.yield();
    }
}
