package io.go4j.stress;

import io.go4j.GoInterruptedException;
import java.util.function.IntSupplier;

/**
 * The two halves of a jcstress test in which one actor interrupts the other while (or before,
 * or after) the other blocks in a go4j operation.
 *
 * <p>The blocked actor {@linkplain #run(IntSupplier) runs its operation} after publishing its
 * thread; the interrupter {@linkplain #interruptTarget() waits for it and interrupts it}; the
 * blocked actor finally waits until the interrupt was sent and clears it, so that
 * no interrupt leaks into the next iteration of the jcstress worker thread, whether it arrived
 * while the operation blocked, before it started, or after it returned. Both waits are spins on
 * a volatile field that the other actor always sets, so both actors always finish.
 */
public final class Interrupts {

    private volatile Thread target;
    private volatile boolean sent;

    /**
     * Blocked actor: publishes its thread, runs the operation that may block, then clears the
     * interrupt once it was sent.
     *
     * @param op the operation; returns what the actor reports when it was not interrupted
     * @return what {@code op} returned, or -1 if it threw {@link GoInterruptedException} with the
     *     interrupt status set, -2 if it threw it with the status cleared (a contract violation)
     */
    public int run(IntSupplier op) {
        target = Thread.currentThread();
        int result;
        try {
            result = op.getAsInt();
        } catch (GoInterruptedException e) {
            result = Thread.currentThread().isInterrupted() ? -1 : -2;
        }
        clearAfterInterrupt();
        return result;
    }

    /** Interrupter: waits for the blocked actor's thread, then interrupts it. */
    public void interruptTarget() {
        Thread t;
        while ((t = target) == null) {
            Thread.onSpinWait();
        }
        t.interrupt();
        sent = true;
    }

    private void clearAfterInterrupt() {
        while (!sent) {
            Thread.onSpinWait();
        }
        Thread.interrupted();
    }
}
