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
 *
 * <p>The spin locks inside channels and wait lists follow Go's {@code lock2} instead
 * ({@link #lockBackoff}): no cap on spinners, because their holders never block and release
 * them within a few hundred nanoseconds, and a yield rather than a park at the end.
 */
public final class Spin {

    /** Go's {@code active_spin}: rounds of spinning before a locker parks. */
    public static final int MAX_ROUNDS = 4;
    /** Go's {@code active_spin_cnt}: pause instructions per round. */
    private static final int PAUSES = 30;
    /** Pauses in a spin lock's first round; each round doubles it, up to {@code 8 << 3}. */
    private static final int LOCK_FIRST_PAUSES = 8;
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

    /**
     * Waits once before a thread that found a spin lock held (a channel's, a wait list's) looks
     * at it again: one {@link #pause(int)} for the first {@link #MAX_ROUNDS} rounds on a
     * multicore, as Go's {@code lock2} spins, then a yield; always a pause for a caller that
     * must not yield.
     *
     * @param round how many rounds this acquisition waited already
     * @param mayYield false if the caller holds other spin locks: a yield could strand them
     */
    public static void lockBackoff(int round, boolean mayYield) {
        if ((round < MAX_ROUNDS && multicore()) || !mayYield) {
            pause(round);
        } else {
            Thread.yield();
        }
    }

    /**
     * One round of a spin lock's busy-wait: a burst of pause instructions between two looks at
     * the lock word, 8 in the first round and twice as many in each next one, up to 64 (Go's
     * {@code lock2} spends the same 120 pauses in four rounds of 30). Looking after every pause
     * instead keeps pulling the lock's cache line away from the holder, which needs it back to
     * release the lock and again to take it next: two goroutines on a channel used as a
     * semaphore (BenchmarkChanSem) took 263 ns per send and receive that way, 50 ns this way;
     * starting small keeps a short wait short (a 2-case select on unbuffered channels, whose
     * locks are held briefly, went from 657 to 571 ns; with 30 pauses from the first round it
     * went to 735).
     *
     * @param round how many rounds this acquisition spun already
     */
    private static void pause(int round) {
        int pauses = LOCK_FIRST_PAUSES << Math.min(round, MAX_ROUNDS - 1);
        for (int i = 0; i < pauses; i++) {
            Thread.onSpinWait();
        }
    }

    /** @return true if the caller may spin at all: more than one core */
    public static boolean multicore() {
        return MAX_SPINNERS >= 1;
    }
}
