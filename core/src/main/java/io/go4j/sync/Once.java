package io.go4j.sync;

import io.go4j.GoInterruptedException;
import io.go4j.internal.race.Race;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Performs one action exactly once: Go's {@code sync.Once}, plus Go 1.21's {@code OnceFunc} and
 * {@code OnceValue} as {@link #func(Runnable)} and {@link #value(Supplier)}.
 *
 * <p>The action's effects happen-before every {@link #run(Runnable)} returns, and no call returns
 * before the action has finished.
 */
public final class Once {

    /*
     * Implementation notes: Algorithm (Go's {@code sync/once.go}).
     *
     * A volatile flag says the action has completed; once it is set, {@link #run(Runnable)} is one
     * volatile read. Until then callers take a {@link Mutex}, and the first one to get it runs the
     * action and sets the flag before unlocking; the others, serialized behind it, see the flag and
     * return. So the action's effects happen-before every {@code run} returns, and no {@code run}
     * returns before the action has finished.
     */

    /** 1 once the action has returned or thrown; written while {@link #mu} is held. */
    private volatile int done;
    /** Serializes the callers that find {@link #done} still 0. */
    private final Mutex mu = new Mutex();

    /** Creates a Once whose action has not run: Go's {@code var once sync.Once}. */
    public Once() {
    }

    /**
     * Runs {@code f} if and only if no {@code run} of this Once has run an action before: Go's
     * {@code Once.Do}. Concurrent callers block until the one running {@code f} is done. If
     * {@code f} throws, the exception reaches this caller, and {@code f} still counts as having
     * run: later calls return at once. If {@code f} calls {@code run} on the same Once, it
     * deadlocks, as in Go.
     *
     * @param f the action
     * @throws GoInterruptedException if interrupted while another thread runs the action; this
     *     caller then returns before the action is known to be done
     */
    public void run(Runnable f) {
        if (done == 0) {
            runSlow(f);
        }
        if (Race.ENABLED) {
            Race.acquire(this);
        }
    }

    private void runSlow(Runnable f) {
        mu.lock();
        try {
            if (done == 0) {
                try {
                    f.run();
                } finally {
                    if (Race.ENABLED) {
                        Race.release(this);
                    }
                    done = 1;
                }
            }
        } finally {
            mu.unlock();
        }
    }

    /**
     * Returns a Runnable that runs {@code f} only the first time it is called: Go's
     * {@code sync.OnceFunc}. If {@code f} throws, every call, the first and all later ones,
     * throws that same exception. Callers concurrent with the first block until it finishes.
     *
     * @param f the action
     * @return the run-once wrapper
     */
    public static Runnable func(Runnable f) {
        Objects.requireNonNull(f, "f");
        Memo<Object> memo = new Memo<>(() -> {
            f.run();
            return null;
        });
        return memo::get;
    }

    /**
     * Returns a Supplier that calls {@code f} only the first time it is called and then returns
     * its result every time: Go's {@code sync.OnceValue}. If {@code f} throws, every call throws
     * that same exception.
     *
     * @param <T> the type of the value
     * @param f the computation
     * @return the memoizing wrapper
     */
    public static <T> Supplier<T> value(Supplier<T> f) {
        Objects.requireNonNull(f, "f");
        return new Memo<>(f)::get;
    }

    /** Go's {@code OnceValue}: the result or the failure of one call, kept for every caller. */
    private static final class Memo<T> {
        private final Once once = new Once();
        private final Runnable call = this::call;
        /** Dropped after the call, so whatever it captured can be collected (Go does the same). */
        private Supplier<T> f;
        /** Written by the action, read after {@code once.run} returns: ordered by the Once. */
        private T result;
        private Throwable failure;

        Memo(Supplier<T> f) {
            this.f = f;
        }

        T get() {
            once.run(call);
            if (failure != null) {
                throw Memo.<RuntimeException>sneaky(failure);
            }
            return result;
        }

        private void call() {
            try {
                result = f.get();
            } catch (Throwable t) {
                failure = t;
            } finally {
                f = null;
            }
        }

        /** Rethrows {@code t} as it is, even a checked exception smuggled out of {@code f}. */
        @SuppressWarnings("unchecked")
        private static <E extends Throwable> E sneaky(Throwable t) throws E {
            throw (E) t;
        }
    }
}
