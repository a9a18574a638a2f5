package io.go4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The core tests' one test-support class: starts goroutines (and platform threads) whose
 * failures come back to the test thread, and waits for a thread to block without sleeping.
 *
 * <p>Typical use: {@code try (Goroutines g = new Goroutines()) { g.go(...); ... }} — closing it
 * joins every thread it started and rethrows the first failure (the others attached as
 * suppressed). A test whose goroutines run forever, as some of Go's programs do, calls
 * {@link #stopAll()}, which interrupts them and ignores the {@link GoInterruptedException}s it
 * caused.
 *
 * <p>One meaning of "blocked": a thread is blocked when it is parked with no time limit
 * ({@link Thread.State#WAITING}), as every go4j operation that waits parks its goroutine; a
 * thread in a timed wait ({@code Time.sleep}, a spin's short park) is not blocked yet.
 * {@link #awaitBlocked} returns once the thread is blocked and fails if it ends instead;
 * {@link #awaitParkedOn} is the stricter form, for a thread that may park elsewhere on the way
 * (a test's own latch, a lock inside the primitive), and waits until it is parked on one given
 * object.
 *
 * <p>One limit: every wait here ({@link #joinAll()}, {@link #awaitBlocked},
 * {@link #awaitParkedOn}, {@link #spinUntil}) fails after {@link #LIMIT}, or as soon as the
 * waiting thread is interrupted (as JUnit's {@code @Timeout} does), showing where the awaited
 * thread is.
 */
public final class Goroutines implements AutoCloseable {

    /** A goroutine body that may throw anything, as a failing assertion does. */
    @FunctionalInterface
    public interface Body {
        /** The body; whatever it throws becomes a failure of the test. */
        void run() throws Throwable;
    }

    /** How long any wait of this class lasts before it fails the test. */
    public static final Duration LIMIT = Duration.ofSeconds(20);

    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Queue<Thread> started = new ConcurrentLinkedQueue<>();
    /** Set by {@link #stopAll()} before it interrupts: from then on an interrupt is expected. */
    private volatile boolean stopping;

    /** Starts {@code body} in a goroutine; whatever it throws becomes a failure of the test. */
    public Thread go(Body body) {
        return track(Go.go(reporting(body)));
    }

    /**
     * Starts {@code body} on a platform thread, where blocking and spinning cost differently than
     * on a goroutine; whatever it throws becomes a failure of the test.
     */
    public Thread platform(Body body) {
        return track(Thread.ofPlatform().start(reporting(body)));
    }

    private Runnable reporting(Body body) {
        return () -> {
            try {
                body.run();
            } catch (GoInterruptedException e) {
                if (!stopping) {
                    failures.add(e);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        };
    }

    private Thread track(Thread t) {
        started.add(t);
        if (stopping) {
            // Started by a goroutine while stopAll() ran, perhaps after it looked at the list.
            t.interrupt();
        }
        return t;
    }

    /** Records a failure without stopping the goroutine that found it (Go's {@code t.Error}). */
    public void error(String message) {
        failures.add(new AssertionError(message));
    }

    /** Throws the first failure recorded so far, if any (Go's {@code t.Failed()} check). */
    public void check() {
        Throwable first = failures.peek();
        if (first == null) {
            return;
        }
        AssertionError e = new AssertionError("goroutine failed: " + first, first);
        failures.stream().skip(1).forEach(e::addSuppressed);
        throw e;
    }

    /**
     * Waits for every thread started so far to end, then {@link #check()}s. Threads still running
     * after {@link #LIMIT} fail the test with their stack traces (and are interrupted so that
     * they do not linger): a hang shows where it is, even when the test thread lost its interrupt
     * to an earlier {@link InterruptedException} from JUnit's timeout.
     */
    public void joinAll() throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        List<Thread> stuck = new ArrayList<>();
        for (Thread t; (t = started.poll()) != null; ) {
            if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                stuck.add(t);
            }
        }
        if (!stuck.isEmpty()) {
            AssertionError e = new AssertionError(
                    stuck.size() + " goroutine(s) still running after " + LIMIT);
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

    /** Interrupts every thread still running (they are expected to be blocked), joins them. */
    public void stopAll() throws InterruptedException {
        stopping = true;
        List<Thread> all = new ArrayList<>(started);
        all.forEach(Thread::interrupt);
        joinAll();
    }

    /** {@link #joinAll()}. */
    @Override
    public void close() throws InterruptedException {
        joinAll();
    }

    /**
     * Runs {@code op} in a goroutine, waits until it parks on {@code blocker}, interrupts it, and
     * asserts it threw {@link GoInterruptedException} with its interrupt status still set.
     */
    public void assertInterruptible(Object blocker, Runnable op) throws InterruptedException {
        assertInterruptedWhileWaiting(body -> go(body::run), op, t -> awaitParkedOn(t, blocker));
    }

    /**
     * Runs {@code op} in a goroutine, waits until it is blocked, interrupts it, and asserts it
     * threw {@link GoInterruptedException} with its interrupt status still set: {@code op} waits
     * until interrupted.
     */
    public static void assertBlocksUntilInterrupted(Runnable op) throws InterruptedException {
        assertInterruptedWhileWaiting(Go::go, op, Goroutines::awaitBlocked);
    }

    private static void assertInterruptedWhileWaiting(Function<Runnable, Thread> start, Runnable op,
            Consumer<Thread> awaitWaiting) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread t = start.apply(() -> {
            try {
                op.run();
            } catch (Throwable e) {
                thrown.set(e);
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            }
        });
        awaitWaiting.accept(t);
        t.interrupt();
        t.join();
        assertInstanceOf(GoInterruptedException.class, thrown.get(),
                "the interrupted operation must throw GoInterruptedException");
        assertTrue(interruptedAfter.get(),
                "interrupt status still set after GoInterruptedException");
    }

    /**
     * Starts {@code racers} in goroutines behind a gate, opens it, and waits for them: they race
     * from as near one moment as the scheduler allows.
     */
    public void race(Runnable... racers) throws InterruptedException {
        Chan<Void> gate = Chan.make();
        List<Thread> ts = new ArrayList<>();
        for (Runnable r : racers) {
            ts.add(go(() -> {
                gate.receive();
                r.run();
            }));
        }
        gate.close();
        for (Thread t : ts) {
            t.join();
        }
    }

    /** A throwable that shows where {@code t} is. */
    public static Throwable where(Thread t) {
        Throwable where = new Throwable(t + " is " + t.getState() + " here");
        where.setStackTrace(t.getStackTrace());
        return where;
    }

    /**
     * Returns once {@code t} is blocked (parked with no time limit), and fails if it ends instead.
     * A goroutine whose only blocking operation is the one under test is then known to be blocked
     * in it; this replaces Go's {@code time.Sleep} before checking that something did not happen.
     */
    public static void awaitBlocked(Thread t) {
        Supplier<String> what = () -> "to block";
        long deadline = System.nanoTime() + LIMIT.toNanos();
        for (Thread.State s; (s = t.getState()) != Thread.State.WAITING; ) {
            if (s == Thread.State.TERMINATED) {
                fail(t + " ended instead of blocking");
            }
            pause(t, what, deadline);
        }
    }

    /**
     * Returns once {@code t} is parked on {@code blocker}: parked inside that primitive, not in a
     * test queue on the way there. Fails if {@code t} ends instead.
     */
    public static void awaitParkedOn(Thread t, Object blocker) {
        Supplier<String> what = () -> "to park on " + blocker;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (LockSupport.getBlocker(t) != blocker) {
            if (t.getState() == Thread.State.TERMINATED) {
                fail(t + " ended instead of blocking");
            }
            pause(t, what, deadline);
        }
    }

    /**
     * Retries {@code condition} (yielding in between) until it holds; fails after {@link #LIMIT}.
     * Used where Go polls with a non-blocking operation.
     */
    public static void spinUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadline > 0) {
                fail("gave up waiting: " + what);
            }
            Thread.yield();
        }
    }

    /**
     * A polling loop's pause; fails, showing where {@code t} is, once the test is interrupted or
     * {@code deadline} (a {@link System#nanoTime()}) has passed.
     */
    private static void pause(Thread t, Supplier<String> what, long deadline) {
        if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadline > 0) {
            throw new AssertionError("gave up waiting for " + t + " " + what.get(), where(t));
        }
        Thread.onSpinWait();
        Thread.yield();
    }

    /** Asserts {@code op} throws {@link IllegalStateException} with exactly {@code message}. */
    public static void assertPanics(String message, Runnable op) {
        IllegalStateException e = assertThrows(IllegalStateException.class, op::run);
        assertEquals(message, e.getMessage());
    }
}
