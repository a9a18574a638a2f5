package io.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.go4j.Go;
import io.go4j.GoInterruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Test support: goroutines whose failures come back to the test thread, and a way to wait until
 * a thread is blocked without sleeping (polling its {@link Thread.State}).
 */
final class SyncTesting implements AutoCloseable {

    /** A goroutine body that may throw anything, as a failing assertion does. */
    @FunctionalInterface
    interface Body {
        void run() throws Throwable;
    }

    private static final Duration JOIN_LIMIT = Duration.ofSeconds(15);

    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Queue<Thread> started = new ConcurrentLinkedQueue<>();

    /** Starts {@code body} in a goroutine; whatever it throws fails the test at {@link #close()}. */
    Thread go(Body body) {
        Thread t = Go.go(reporting(body));
        started.add(t);
        return t;
    }

    /**
     * Starts {@code body} on a platform thread, where blocking and spinning cost differently than
     * on a goroutine; whatever it throws fails the test at {@link #close()}.
     */
    Thread platform(Body body) {
        Thread t = Thread.ofPlatform().start(reporting(body));
        started.add(t);
        return t;
    }

    private Runnable reporting(Body body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        };
    }

    /**
     * Joins every goroutine started so far and rethrows the first failure. A goroutine still
     * running after {@link #JOIN_LIMIT} (a test that failed half-way, leaving it blocked) is
     * interrupted and reported, so that closing never hangs.
     */
    @Override
    public void close() throws InterruptedException {
        long deadline = System.nanoTime() + JOIN_LIMIT.toNanos();
        List<Thread> stuck = new ArrayList<>();
        for (Thread t; (t = started.poll()) != null; ) {
            long left = Math.max(1, deadline - System.nanoTime());
            if (!t.join(Duration.ofNanos(left))) {
                stuck.add(t);
            }
        }
        stuck.forEach(Thread::interrupt);
        Throwable first = failures.peek();
        if (first != null || !stuck.isEmpty()) {
            AssertionError e = new AssertionError(first != null
                    ? "goroutine failed: " + first
                    : "goroutines still blocked: " + stuck, first);
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    /**
     * Returns once {@code t} is parked (or ended). The test's @Timeout bounds the wait: it
     * interrupts the test thread, which then fails here with {@code t}'s stack.
     */
    static void awaitBlocked(Thread t) {
        for (;;) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED) {
                return;
            }
            pause(t, () -> "to block");
        }
    }

    /**
     * Returns once {@code t} is parked on {@code blocker}: parked inside that primitive, not in a
     * test queue on the way there.
     */
    static void awaitParkedOn(Thread t, Object blocker) {
        Supplier<String> what = () -> "to park on " + blocker;
        while (LockSupport.getBlocker(t) != blocker) {
            if (t.getState() == Thread.State.TERMINATED) {
                fail(t + " ended instead of blocking");
            }
            pause(t, what);
        }
    }

    /** A polling loop's pause; fails, showing where {@code t} is, once the test is interrupted. */
    private static void pause(Thread t, Supplier<String> what) {
        if (Thread.currentThread().isInterrupted()) {
            AssertionError e = new AssertionError("gave up waiting for " + t + " " + what.get());
            e.setStackTrace(t.getStackTrace());
            throw e;
        }
        Thread.onSpinWait();
        Thread.yield();
    }

    /** Asserts {@code op} throws {@link IllegalStateException} with exactly {@code message}. */
    static void assertPanics(String message, Runnable op) {
        IllegalStateException e = assertThrows(IllegalStateException.class, op::run);
        assertEquals(message, e.getMessage());
    }

    /**
     * Runs {@code op} in a goroutine, waits until it parks on {@code blocker}, interrupts it, and
     * asserts it threw {@link GoInterruptedException} with its interrupt status still set.
     */
    void assertInterruptible(Object blocker, Runnable op) throws InterruptedException {
        List<Boolean> outcome = new ArrayList<>();
        Thread t = go(() -> {
            try {
                op.run();
                outcome.add(false);
            } catch (GoInterruptedException e) {
                outcome.add(Thread.currentThread().isInterrupted());
            }
        });
        awaitParkedOn(t, blocker);
        t.interrupt();
        t.join();
        assertEquals(List.of(true), outcome, "interrupted op must throw with interrupt status set");
    }

    static void check(boolean condition, String message) {
        assertTrue(condition, message);
    }
}
