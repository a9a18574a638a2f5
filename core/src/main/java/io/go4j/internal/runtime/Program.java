package io.go4j.internal.runtime;

import io.go4j.GoInterruptedException;
import io.go4j.runtime.DeadlockException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of {@code Go.main}: its main goroutine and every goroutine started from it,
 * transitively. It ends when the main goroutine returns, when any of its goroutines throws, or
 * when sysmon finds it deadlocked (Go's {@code checkdead}). When it ends, its remaining
 * goroutines are interrupted, as Go's end with the process; {@code Go.main} does not wait for
 * them.
 *
 * <h2>Deadlock detection</h2>
 * Each goroutine that parks in a go4j operation counts itself {@link #asleep} and, once awake,
 * counts itself out and bumps {@link #wakeups}. Sysmon suspects a deadlock when every live
 * goroutine is asleep, and confirms it at its next look if nobody woke up meanwhile, every
 * goroutine's thread is really parked (not merely woken and waiting for a carrier), no timer is
 * pending that could wake one (Go's {@code checkdead} looks at timers too), and nothing outside
 * the program could still end the wait ({@link OutsideWakers}). Goroutines in a sleep, in I/O
 * or in a lock that is not go4j's are not asleep: something outside the program may still wake
 * them, so a program waiting on them is never called deadlocked. A false report kills a correct
 * program, a missed one only hangs it, as Go's undetectable deadlocks do: when unsure, the
 * check does not report.
 */
public final class Program {

    /** Programs started and not yet over: while none is, goroutines need not look for theirs. */
    private static final AtomicInteger RUNNING = new AtomicInteger();
    /**
     * After something outside the program was found that could wake it, the outside is not
     * looked at again for this long: a look walks every thread's stack, and a program may wait
     * on the outside for minutes.
     */
    private static final long OUTSIDE_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger asleep = new AtomicInteger();
    private final AtomicLong wakeups = new AtomicLong();
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();
    /**
     * Set once the program is over, before its goroutines are interrupted: a goroutine that
     * starts afterwards sees it and is interrupted at once (see {@link SchedulerCore#start}).
     */
    private volatile boolean over;
    /** Sysmon only: the wakeups count at which it suspected a deadlock, or -1. */
    private long suspectedAt = -1;
    /** Sysmon only: until when ({@link System#nanoTime()}) the outside is not looked at again. */
    private long outsideCheckedUntil = System.nanoTime();

    /** Creates a program and puts it under sysmon's watch until it ends. */
    public static Program start() {
        Program p = new Program();
        RUNNING.incrementAndGet();
        Sysmon.watch(p);
        return p;
    }

    /** @return true if some program has started and is not over yet */
    static boolean anyRunning() {
        return RUNNING.get() != 0;
    }

    private Program() {
    }

    void entered() {
        live.incrementAndGet();
    }

    void exited() {
        live.decrementAndGet();
    }

    void fellAsleep() {
        asleep.incrementAndGet();
    }

    void wokeUp() {
        wakeups.incrementAndGet();
        asleep.decrementAndGet();
    }

    /** @return true once the program has ended; its goroutines are then being interrupted */
    boolean isOver() {
        return over;
    }

    /** The main goroutine returned: the program is over. */
    public void mainReturned() {
        if (outcome.complete(null)) {
            end();
        }
    }

    /**
     * A goroutine of the program threw {@code e}, or it deadlocked: the program is over.
     *
     * @return false if the program was already over: {@code e} ended nothing, and is the
     *     goroutine's own to report
     */
    boolean fail(Throwable e) {
        if (outcome.completeExceptionally(e)) {
            end();
            return true;
        }
        return false;
    }

    /** Go ends every goroutine with the process: here they are interrupted. */
    private void end() {
        over = true;
        Sysmon.unwatch(this);
        RUNNING.decrementAndGet();
        for (Goroutine g : Goroutines.select(g -> g.program == this)) {
            g.thread.interrupt();
        }
    }

    /**
     * Waits for the program to end.
     *
     * @throws RuntimeException the uncaught exception of a goroutine, or a
     * {@link DeadlockException}
     * @throws GoInterruptedException if the waiting thread is interrupted
     */
    public void await() {
        try {
            outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GoInterruptedException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new CompletionException(cause);
        }
    }

    /** Sysmon: one look for a deadlock; a deadlock needs two looks with nobody waking between. */
    void checkDeadlock(long now) {
        int sleeping = asleep.get();
        int running = live.get();
        if (running == 0 || sleeping < running) {
            suspectedAt = -1;
            return;
        }
        long seen = wakeups.get();
        if (suspectedAt != seen) {
            suspectedAt = seen;
            return;
        }
        // Timers first: one that fires after this look must have been pending during it, or be
        // armed by a goroutine that was awake, and then the states or the wakeups tell.
        if (TimerService.anyPending() || now - outsideCheckedUntil < 0) {
            return;
        }
        List<Goroutine> all = Goroutines.select(g -> g.program == this);
        if (all.size() != running || !all.stream().allMatch(Goroutine::asleep)
                || wakeups.get() != seen) {
            return;
        }
        if (OutsideWakers.anyCouldWake(this)) {
            outsideCheckedUntil = now + OUTSIDE_RECHECK_NANOS;
            return;
        }
        if (wakeups.get() == seen) {
            fail(new DeadlockException(GoroutineDump.format(all)));
        }
    }
}
