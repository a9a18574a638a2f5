package io.go4j.stress;

/**
 * The two halves of a jcstress test in which one actor interrupts the other while (or before,
 * or after) the other blocks in a go4j operation.
 *
 * <p>The blocked actor {@linkplain #publish() publishes} its thread; the interrupter
 * {@linkplain #interruptTarget() waits for it and interrupts it}; the blocked actor finally
 * {@linkplain #clearAfterInterrupt() waits until the interrupt was sent and clears it}, so that
 * no interrupt leaks into the next iteration of the jcstress worker thread, whether it arrived
 * while the operation blocked, before it started, or after it returned. Both waits are spins on
 * a volatile field that the other actor always sets, so both actors always finish.
 */
public final class Interrupts {

    private volatile Thread target;
    private volatile boolean sent;

    /** Blocked actor, first: makes its thread known to the interrupter. */
    public void publish() {
        target = Thread.currentThread();
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

    /**
     * Blocked actor, last: waits until the interrupt was sent, then clears the interrupt status.
     *
     * @return whether the status was still set when the interrupt was cleared
     */
    public boolean clearAfterInterrupt() {
        while (!sent) {
            Thread.onSpinWait();
        }
        return Thread.interrupted();
    }
}
