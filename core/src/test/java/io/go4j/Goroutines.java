package io.go4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * Test support: starts goroutines with {@link Go#go}, collects whatever they throw, and brings
 * those failures back to the test thread, where JUnit sees them.
 *
 * <p>Typical use: {@code try (Goroutines g = new Goroutines()) { g.go(...); ... }} — closing it
 * joins every goroutine it started and rethrows the first failure (the others attached as
 * suppressed). A test whose goroutines run forever, as some of Go's programs do, calls
 * {@link #stopAll()}, which interrupts them and ignores the {@link GoInterruptedException}s it
 * caused.
 */
final class Goroutines implements AutoCloseable {

    /** A goroutine body that may throw anything, as a failing assertion does. */
    @FunctionalInterface
    interface Body {
        void run() throws Throwable;
    }

    /** How long {@link #joinAll()} and {@link #awaitParkedOrDone} wait before they fail. */
    static final Duration JOIN_LIMIT = Duration.ofSeconds(20);

    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Queue<Thread> started = new ConcurrentLinkedQueue<>();
    /** Set by {@link #stopAll()} before it interrupts: from then on an interrupt is expected. */
    private volatile boolean stopping;

    /** Starts {@code body} in a goroutine; whatever it throws becomes a failure of the test. */
    Thread go(Body body) {
        Thread t = Go.go(() -> {
            try {
                body.run();
            } catch (GoInterruptedException e) {
                if (!stopping) {
                    failures.add(e);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        started.add(t);
        if (stopping) {
            // Started by a goroutine while stopAll() ran, perhaps after it looked at the list.
            t.interrupt();
        }
        return t;
    }

    /** Records a failure without stopping the goroutine that found it (Go's {@code t.Error}). */
    void error(String message) {
        failures.add(new AssertionError(message));
    }

    /** Throws the first failure recorded so far, if any (Go's {@code t.Failed()} check). */
    void check() {
        Throwable first = failures.peek();
        if (first == null) {
            return;
        }
        AssertionError e = new AssertionError("goroutine failed: " + first, first);
        failures.stream().skip(1).forEach(e::addSuppressed);
        throw e;
    }

    /**
     * Waits for every goroutine started so far to end, then {@link #check()}s. Goroutines still
     * running after {@link #JOIN_LIMIT} fail the test with their stack traces (and are interrupted
     * so that they do not linger): a hang shows where it is, even when the test thread lost its
     * interrupt to an earlier {@link InterruptedException} from JUnit's timeout.
     */
    void joinAll() throws InterruptedException {
        long deadline = System.nanoTime() + JOIN_LIMIT.toNanos();
        List<Thread> stuck = new ArrayList<>();
        for (Thread t; (t = started.poll()) != null; ) {
            if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                stuck.add(t);
            }
        }
        if (!stuck.isEmpty()) {
            AssertionError e = new AssertionError(stuck.size() + " goroutine(s) still running after " + JOIN_LIMIT);
            for (Thread t : stuck) {
                e.addSuppressed(where(t));
            }
            failures.forEach(e::addSuppressed);
            stopping = true;
            stuck.forEach(Thread::interrupt);
            throw e;
        }
        check();
    }

    /** A throwable that shows where {@code t} is. */
    static Throwable where(Thread t) {
        Throwable where = new Throwable(t + " is " + t.getState() + " here");
        where.setStackTrace(t.getStackTrace());
        return where;
    }

    /** Interrupts every goroutine still running (they are expected to be blocked), joins them. */
    void stopAll() throws InterruptedException {
        stopping = true;
        List<Thread> all = new ArrayList<>(started);
        all.forEach(Thread::interrupt);
        joinAll();
    }

    @Override
    public void close() throws InterruptedException {
        joinAll();
    }

    /**
     * Waits until {@code t} is parked (a blocked channel operation parks it) or has ended, and
     * returns which. A goroutine whose only blocking operation is the one under test is then
     * known to be blocked in it; this replaces Go's {@code time.Sleep} before checking that
     * something did not happen.
     */
    static Thread.State awaitParkedOrDone(Thread t) {
        long deadline = System.nanoTime() + JOIN_LIMIT.toNanos();
        while (true) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TERMINATED) {
                return s;
            }
            if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up waiting for " + t + " to block", where(t));
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Waits until {@code t} is parked, failing if it ends instead. */
    static void awaitBlocked(Thread t) {
        assertEquals(Thread.State.WAITING, awaitParkedOrDone(t), () -> t + " should be blocked");
    }

    /**
     * Retries {@code condition} (yielding in between) until it holds; fails after 10 seconds.
     * Used where Go polls with a non-blocking operation.
     */
    static void spinUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadline > 0) {
                fail("gave up waiting: " + what);
            }
            Thread.yield();
        }
    }
}
