package io.go4j.internal.runtime;

import io.go4j.GoInterruptedException;
import io.go4j.internal.time.TimerService;
import io.go4j.runtime.DeadlockException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of {@code Go.main}: its main goroutine and every goroutine started from it,
 * transitively. It ends when the main goroutine returns, when any of its goroutines throws, or
 * when sysmon finds it deadlocked (Go's {@code checkdead}).
 *
 * <h2>Deadlock detection</h2>
 * Each goroutine that parks in a go4j operation counts itself {@link #asleep} and, once awake,
 * counts itself out and bumps {@link #wakeups}. Sysmon suspects a deadlock when every live
 * goroutine is asleep, and confirms it at its next look if nobody woke up meanwhile and every
 * goroutine's thread is really parked (not merely woken and waiting for a carrier), and no timer
 * is pending that could wake one (Go's {@code checkdead} looks at timers too). Goroutines
 * in a sleep, in I/O or in a lock that is not go4j's are not asleep: something outside the
 * program may still wake them, so a program waiting on them is never called deadlocked.
 */
public final class Program {

    /** Programs started and not yet over: while none is, goroutines need not look for theirs. */
    private static final AtomicInteger RUNNING = new AtomicInteger();

    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger asleep = new AtomicInteger();
    private final AtomicLong wakeups = new AtomicLong();
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();
    /** Sysmon only: the wakeups count at which it suspected a deadlock, or -1. */
    private long suspectedAt = -1;

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

    /** The main goroutine returned: the program is over. */
    public void mainReturned() {
        if (outcome.complete(null)) {
            over();
        }
    }

    /** A goroutine of the program threw {@code e}, or it deadlocked: the program is over. */
    void fail(Throwable e) {
        if (outcome.completeExceptionally(e)) {
            over();
        }
    }

    private void over() {
        Sysmon.unwatch(this);
        RUNNING.decrementAndGet();
    }

    /**
     * Waits for the program to end.
     *
     * @throws RuntimeException the uncaught exception of a goroutine, or a {@link DeadlockException}
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
    void checkDeadlock() {
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
        if (TimerService.anyPending()) {
            return;
        }
        List<Goroutine> all = Goroutines.select(g -> g.program == this);
        if (all.size() == running && all.stream().allMatch(Goroutine::asleep) && wakeups.get() == seen) {
            fail(new DeadlockException(GoroutineDump.format(all)));
        }
    }
}
