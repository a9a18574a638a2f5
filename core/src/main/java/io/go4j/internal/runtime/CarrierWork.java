package io.go4j.internal.runtime;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Tells a goroutine about to spin whether other goroutines wait to run on its carrier.
 *
 * <p>A virtual thread that spins holds its carrier: if the counterpart it waits for is queued
 * on that same carrier, the spin only delays it. On go4j's scheduler the carrier's local run
 * queue answers; on the JDK's default scheduler, a {@link ForkJoinPool}, its public queue
 * counts do. Both need the carrier, which only {@code Thread.currentCarrierThread()} knows;
 * without it (java.lang not opened to go4j) the answer is always "yes", so goroutines park at
 * once instead of spinning.
 */
final class CarrierWork {

    private CarrierWork() {
    }

    /** Returns whether the current thread is a goroutine whose carrier has queued work. */
    static boolean queued() {
        if (!Thread.currentThread().isVirtual()) {
            return false;
        }
        Thread carrier = VirtualThreads.currentCarrier();
        if (carrier instanceof ForkJoinWorkerThread worker) {
            return hasQueuedWork(worker.getPool());
        }
        return carrier == null || CarrierPool.hasQueuedWork(carrier);
    }

    /**
     * One queued goroutine is tolerated: it is typically the counterpart this goroutine just
     * woke, about to be picked up by another carrier.
     */
    private static boolean hasQueuedWork(ForkJoinPool pool) {
        return pool.getQueuedSubmissionCount() + pool.getQueuedTaskCount() > 1;
    }
}
