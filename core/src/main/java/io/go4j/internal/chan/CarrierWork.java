package io.go4j.internal.chan;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Tells a goroutine about to spin whether other goroutines wait to run on its scheduler.
 *
 * <p>A virtual thread that spins holds its carrier: if the counterpart it waits for is queued
 * on that same scheduler, the spin only delays it. The JDK's virtual-thread scheduler is a
 * {@link ForkJoinPool} whose queues are public to read once the carrier is known; the carrier
 * is reachable only through {@code Thread.currentCarrierThread()}, which needs
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED}. Without it, the answer is always "yes",
 * so goroutines park at once instead of spinning.
 */
final class CarrierWork {

    /** {@code Thread.currentCarrierThread()}, or null when java.lang is not opened to go4j. */
    private static final MethodHandle CURRENT_CARRIER = currentCarrierHandle();

    private CarrierWork() {
    }

    /** Returns whether the current thread is a goroutine whose scheduler has queued work. */
    static boolean queued() {
        if (!Thread.currentThread().isVirtual()) {
            return false;
        }
        if (CURRENT_CARRIER == null) {
            return true;
        }
        try {
            return ((Thread) CURRENT_CARRIER.invokeExact()) instanceof ForkJoinWorkerThread carrier
                    && hasQueuedWork(carrier.getPool());
        } catch (Throwable e) {
            return true;
        }
    }

    /**
     * One queued goroutine is tolerated: it is typically the counterpart this goroutine just
     * woke, about to be picked up by another carrier.
     */
    private static boolean hasQueuedWork(ForkJoinPool pool) {
        return pool.getQueuedSubmissionCount() + pool.getQueuedTaskCount() > 1;
    }

    private static MethodHandle currentCarrierHandle() {
        try {
            return MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
