package io.go4j.internal.sync;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Go's {@code runtime_canSpin}/{@code runtime_doSpin} for a JVM: a thread that finds a lock held
 * may busy-wait a little, hoping the holder releases it soon, instead of parking.
 *
 * <p>Spinning only pays when another core can run the holder meanwhile, so it is never done on a
 * single core, at most {@link #MAX_ROUNDS} rounds per acquisition (as Go), and by at most half
 * the cores at once: on a virtual thread a spinning goroutine occupies a carrier that other
 * goroutines may need.
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
     * Spins one round if spinning may pay.
     *
     * @param round how many rounds this acquisition spun already
     * @return false, without spinning, if the caller should rather park
     */
    public static boolean spinOnce(int round) {
        if (round >= MAX_ROUNDS || MAX_SPINNERS < 1) {
            return false;
        }
        if (SPINNERS.getAndIncrement() >= MAX_SPINNERS) {
            SPINNERS.getAndDecrement();
            return false;
        }
        for (int i = 0; i < PAUSES; i++) {
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
