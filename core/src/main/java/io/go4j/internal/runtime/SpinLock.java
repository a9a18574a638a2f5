package io.go4j.internal.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The lock of a channel, of a sync primitive's wait queue and of the scheduler's idle list: Go's
 * runtime {@code mutex} ({@code lock2}/{@code unlock2}), without the park at the end.
 *
 * <p>Its holders move a few references and never block while holding it, so a waiter spins and
 * then yields rather than parking: a parking lock would let the holder's release wait for an
 * unpark, and a goroutine that parked in it would hold its carrier's place for nothing. The spin
 * is the back-off of {@link Spin#lockBackoff}.
 */
public final class SpinLock {

    private static final VarHandle HELD;

    static {
        try {
            HELD = MethodHandles.lookup().findVarHandle(SpinLock.class, "held", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 1 while held, else 0. */
    private volatile int held;

    /** Takes the lock: one CAS when free, else spins and then yields. */
    public void lock() {
        if (!HELD.compareAndSet(this, 0, 1)) {
            lockContended(true);
        }
    }

    /**
     * Takes the lock without ever yielding, for a caller that holds other spin locks (a select
     * locking its channels) or that must not lose its carrier meanwhile (a worker's idle list):
     * a yield could leave them held while others wait for them.
     */
    public void lockHoldingOthers() {
        if (!HELD.compareAndSet(this, 0, 1)) {
            lockContended(false);
        }
    }

    /** @return true if the lock was free and is now held */
    public boolean tryLock() {
        return HELD.compareAndSet(this, 0, 1);
    }

    /** Releases the lock. */
    public void unlock() {
        HELD.setRelease(this, 0);
    }

    private void lockContended(boolean mayYield) {
        for (int round = 0; ; round++) {
            if (held == 0 && HELD.compareAndSet(this, 0, 1)) {
                return;
            }
            Spin.lockBackoff(round, mayYield);
        }
    }
}
