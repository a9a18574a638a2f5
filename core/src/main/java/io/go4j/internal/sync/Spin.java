package io.go4j.internal.sync;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Go's {@code runtime_canSpin}/{@code runtime_doSpin} for a JVM: a thread that finds a lock held
 * may busy-wait a little, hoping the holder releases it soon, instead of parking.
 *
 * <p>Spinning only pays when another core can run the holder meanwhile, so it is never done on a
 * single core, at most {@link #MAX_ROUNDS} rounds per acquisition (as Go), and by at most half
 * the cores at once: on a virtual thread a spinning goroutine occupies a carrier that other
 * goroutines may need.
 *
 * <p>A round ends early once the caller's condition holds: a round is a microsecond or so on
 * current hardware, long enough for the thread it waits for to have moved on, and a spinner that
 * lingers holds the only slot of a 2-core machine, making the next waiter park.
 */
public final class Spin {

    /** Go's {@code active_spin}: rounds of spinning before a locker parks. */
    public static final int MAX_ROUNDS = 4;
    /** Go's {@code active_spin_cnt}: pause instructions per round. */
    private static final int PAUSES = 30;
    private static final int MAX_SPINNERS = Runtime.getRuntime().availableProcessors() / 2;
    private static final AtomicInteger SPINNERS = new AtomicInteger();

    private Spin() {
    }

    /**
     * Spins one round if spinning may pay, or less: until {@code done} holds.
     *
     * @param round how many rounds this acquisition spun already
     * @param done what the caller waits for (checked between pauses; it should only read)
     * @return false, without spinning, if the caller should rather park
     */
    public static boolean spinOnce(int round, BooleanSupplier done) {
        if (round >= MAX_ROUNDS || MAX_SPINNERS < 1) {
            return false;
        }
        if (SPINNERS.getAndIncrement() >= MAX_SPINNERS) {
            SPINNERS.getAndDecrement();
            return false;
        }
        for (int i = 0; i < PAUSES && !done.getAsBoolean(); i++) {
            Thread.onSpinWait();
        }
        SPINNERS.getAndDecrement();
        return true;
    }

    /** @return true if the caller may spin at all: more than one core */
    public static boolean multicore() {
        return MAX_SPINNERS >= 1;
    }
}
