package io.go4j.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The books of all live goroutines, of every scheduler: Go's {@code allgs}. They let a goroutine
 * find itself (to say why it blocks, or which program it belongs to) and a dump list them.
 *
 * <p>Starting a goroutine must stay cheap, so the books cost no allocation and no shared hot
 * spot: each {@link Goroutine} is linked into one of {@link #STRIPES} lists by its id, under that
 * list's lock, and a goroutine finds its own {@code Goroutine} without any lookup, as its
 * thread's uncaught-exception handler, the one slot per thread the JDK lets a library fill. A
 * goroutine whose handler the application replaced is still run, counted and dumped; it only
 * no longer knows itself, so it shows no wait reason and starts goroutines outside any program.
 */
public final class Goroutines {

    private static final int STRIPES = 64;
    private static final Stripe[] LIVE = new Stripe[STRIPES];

    static {
        for (int i = 0; i < STRIPES; i++) {
            LIVE[i] = new Stripe();
        }
    }

    /** One list of live goroutines; its monitor guards the list and the goroutines' links. */
    private static final class Stripe {
        Goroutine head;
    }

    private Goroutines() {
    }

    /** @return the goroutine the current thread runs, or null if it is not a goroutine */
    static Goroutine current() {
        return Thread.currentThread().getUncaughtExceptionHandler() instanceof Goroutine g
                ? g : null;
    }

    /** @return the scheduler of the goroutine the current thread runs, or null if it is not one */
    public static SchedulerCore currentScheduler() {
        Goroutine g = current();
        return g == null ? null : g.scheduler;
    }

    /**
     * Returns what starts a goroutine later the way the calling thread would start one now: on
     * the calling goroutine's scheduler and in its {@code Go.main} program, or on the default
     * scheduler for a thread that is not a goroutine. Go's {@code time.AfterFunc} runs its
     * function in a goroutine of the program that set the timer, so its panic ends that program.
     * A timer may outlive the scheduler it was set on: once that is closed, its goroutines start
     * on the default scheduler.
     *
     * @return a starter bound to the caller's scheduler and program
     */
    public static Consumer<Runnable> starterForCaller() {
        Goroutine self = current();
        if (self == null) {
            return SchedulerCore.defaultCore()::start;
        }
        SchedulerCore scheduler = self.scheduler;
        Program program = self.program;
        return body -> scheduler.startOrHandOver(body, program);
    }

    static void started(Goroutine g) {
        Stripe s = stripeOf(g);
        synchronized (s) {
            g.next = s.head;
            if (s.head != null) {
                s.head.prev = g;
            }
            s.head = g;
        }
    }

    static void ended(Goroutine g) {
        Stripe s = stripeOf(g);
        synchronized (s) {
            if (g.prev == null) {
                s.head = g.next;
            } else {
                g.prev.next = g.next;
            }
            if (g.next != null) {
                g.next.prev = g.prev;
            }
        }
        g.scheduler.ended();
        if (g.program != null) {
            g.program.exited();
        }
    }

    private static Stripe stripeOf(Goroutine g) {
        return LIVE[(int) (g.id() & (STRIPES - 1))];
    }

    /** @return the live goroutines that {@code filter} accepts, oldest id first */
    static List<Goroutine> select(Predicate<Goroutine> filter) {
        List<Goroutine> found = new ArrayList<>();
        for (Stripe s : LIVE) {
            synchronized (s) {
                for (Goroutine g = s.head; g != null; g = g.next) {
                    if (filter.test(g)) {
                        found.add(g);
                    }
                }
            }
        }
        found.sort((a, b) -> Long.compare(a.id(), b.id()));
        return found;
    }

    /**
     * Records that the current goroutine is about to park in a go4j operation, for dumps and for
     * deadlock detection. Call it only on the way to parking, not on fast paths.
     *
     * @return the token to pass to {@link #unblocked}: the goroutine, or null if the current
     *     thread is not one
     */
    public static Goroutine blocking(WaitReason reason) {
        Goroutine g = current();
        if (g != null) {
            g.block(reason);
        }
        return g;
    }

    /**
     * Parks the current thread until {@code done} holds or the thread is interrupted, recording
     * the wait as {@link #blocking} does: the blocking loop of go4j's primitives, for those that
     * need nothing more than a condition to wait for.
     *
     * @param blocker the object waited on, for thread dumps
     * @param reason why, for goroutine dumps and deadlock detection
     * @param done the condition; it should only read state
     * @return true once {@code done} holds; false if the thread was interrupted first (the
     *     interrupt status stays set)
     */
    public static boolean parkUntil(Object blocker, WaitReason reason, BooleanSupplier done) {
        Goroutine self = blocking(reason);
        try {
            while (!done.getAsBoolean()) {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                LockSupport.park(blocker);
            }
            return true;
        } finally {
            unblocked(self);
        }
    }

    /** Records that the wait announced by {@link #blocking} is over. */
    public static void unblocked(Goroutine g) {
        if (g != null) {
            g.unblock();
        }
    }
}
