package io.go4j.internal.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Go's {@code canSpin}/{@code procyield} for a JVM: a thread about to park for something that
 * is likely to come within a microsecond (a counterpart on another core, a lock held for a few
 * instructions) busy-waits a little first, because a park and an unpark cost more.
 *
 * <p>One rule for every waiter (channels, select, every {@code io.go4j.sync} type): spin at most
 * {@link #MAX_ROUNDS} rounds of {@link #PAUSES} pauses (about 4 µs), looking at the caller's
 * condition between pauses, and only where the spin can pay:
 * <ul>
 *   <li>never on a single core: nobody could run the counterpart meanwhile;</li>
 *   <li>a goroutine, not while other goroutines are queued on its carrier (Go's
 *       {@code canSpin} refuses when the P's local run queue is not empty): the counterpart it
 *       waits for may be one of them, and the spin would only delay it. And by at most half the
 *       cores at once: a spinning goroutine holds a carrier, and the goroutine it waits for (a
 *       counterpart, a lock's holder) needs one too. Measured on 2 cores, where letting every
 *       carrier spin took 29-30 ns per operation of an RWMutex on goroutines with 10% writers,
 *       this cap took 18-20; ChanSync went from 290-323 to 239-251 ns;</li>
 *   <li>a platform thread, only while fewer platform threads spin than there are cores. Not
 *       fewer: in a stream between two threads each side waits in turn, and if the second were
 *       refused a spin because the first had not yet left its loop, every hand-off would cost a
 *       park and an unpark (measured: 9x slower on 2 cores).</li>
 * </ul>
 *
 * <p>The spin locks ({@link SpinLock}) follow Go's {@code lock2} instead ({@link #lockBackoff}):
 * no cap on spinners, because their holders never block and release them within a few hundred
 * nanoseconds, and a yield rather than a park at the end.
 */
public final class Spin {

    /** Go's {@code active_spin}: rounds of spinning before a waiter parks. */
    public static final int MAX_ROUNDS = 4;
    /** Go's {@code active_spin_cnt}, rounded to a power of two: pauses per round. */
    static final int PAUSES = 32;
    /** Pauses in a spin lock's first round; each round doubles it, up to {@code 8 << 3}. */
    private static final int LOCK_FIRST_PAUSES = 8;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Goroutines spinning now; at most half the cores. */
    private static final AtomicInteger GOROUTINE_SPINNERS = new AtomicInteger();
    /** Platform threads spinning now; at most as many as cores. */
    private static final AtomicInteger PLATFORM_SPINNERS = new AtomicInteger();

    private Spin() {
    }

    /**
     * Spins one round if spinning may pay, or less: until {@code done} holds.
     *
     * @param round how many rounds this wait spun already
     * @param done what the caller waits for (checked between pauses; it should only read)
     * @return false, without spinning, if the caller should rather park
     */
    public static boolean spinOnce(int round, BooleanSupplier done) {
        if (!enter(round)) {
            return false;
        }
        for (int i = 0; i < PAUSES && !done.getAsBoolean(); i++) {
            Thread.onSpinWait();
        }
        exit();
        return true;
    }

    /**
     * Go's {@code canSpin}: whether round {@code round} of a wait may spin, by the rules above.
     * A true answer must be followed by {@link #exit()} once the round's pauses are done.
     *
     * @param round how many rounds this wait spun already
     * @return false if the caller should rather park
     */
    static boolean enter(int round) {
        if (round >= MAX_ROUNDS || !multicore()) {
            return false;
        }
        boolean goroutine = Thread.currentThread().isVirtual();
        if (goroutine && CarrierWork.queued()) {
            return false;
        }
        AtomicInteger spinners = goroutine ? GOROUTINE_SPINNERS : PLATFORM_SPINNERS;
        if (spinners.getAndIncrement() >= (goroutine ? CORES / 2 : CORES)) {
            spinners.getAndDecrement();
            return false;
        }
        return true;
    }

    /** Ends a round that {@link #enter(int)} allowed. */
    static void exit() {
        (Thread.currentThread().isVirtual() ? GOROUTINE_SPINNERS : PLATFORM_SPINNERS)
                .getAndDecrement();
    }

    /**
     * Waits once before a thread that found a spin lock held looks at it again: one
     * {@link #pause(int)} for the first {@link #MAX_ROUNDS} rounds on a multicore, as Go's
     * {@code lock2} spins, then a yield; always a pause for a caller that must not yield.
     *
     * @param round how many rounds this acquisition waited already
     * @param mayYield false if the caller must not yield (see {@link SpinLock#lockHoldingOthers})
     */
    static void lockBackoff(int round, boolean mayYield) {
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
        return CORES > 1;
    }
}
