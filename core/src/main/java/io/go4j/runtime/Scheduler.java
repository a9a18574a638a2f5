package io.go4j.runtime;

import io.go4j.internal.runtime.SchedulerCore;
import java.util.List;

/**
 * An M:N scheduler of goroutines: what Go's runtime does for a Go program, and what
 * {@code runtime.GOMAXPROCS}, {@code runtime.NumGoroutine} and a goroutine dump expose of it.
 *
 * <p>A goroutine is a virtual thread. With {@code --add-opens java.base/java.lang=ALL-UNNAMED}
 * (or {@code =io.go4j} on the module path) its carrier is go4j's own scheduler, built like Go's:
 * {@link #procs()} worker threads, each with a local run queue and a {@code runnext} slot so a
 * goroutine woken by another runs next on the same worker, a global queue, work stealing, idle
 * workers that park, and a monitor that adds a worker when one is stuck in a goroutine pinned
 * to it (a native frame, file I/O, {@code synchronized} on JDK 21–23) while others wait. Without
 * the flag the goroutines run on the JDK's default virtual-thread scheduler, go4j logs one
 * WARNING (logger {@code io.go4j}) saying so, and {@link #mode()} tells; everything else works
 * the same in both modes.
 *
 * <p>{@link io.go4j.Go#go} runs goroutines on the {@linkplain #defaultScheduler() default
 * scheduler}. More schedulers can be {@linkplain #create(int) created}, for instance to keep
 * one set of goroutines from competing with another; a goroutine started from a goroutine of
 * another scheduler still belongs to the same {@code Go.main} program.
 */
public final class Scheduler implements AutoCloseable {

    /** Where a scheduler's goroutines run. */
    public enum Mode {
        /** On go4j's own carrier threads ({@code java.lang} is opened to go4j). */
        GO4J,
        /** On the JDK's default virtual-thread scheduler ({@code java.lang} is not opened). */
        JDK_DEFAULT
    }

    private final SchedulerCore core;
    private final boolean isDefault;

    private Scheduler(SchedulerCore core, boolean isDefault) {
        this.core = core;
        this.isDefault = isDefault;
    }

    private static final class Default {
        static final Scheduler INSTANCE = new Scheduler(SchedulerCore.defaultCore(), true);
    }

    /**
     * Returns the scheduler of {@link io.go4j.Go#go} and {@link io.go4j.Go#main}. Its number of
     * procs comes from the environment variable {@code GOMAXPROCS}, else the system property
     * {@code go4j.maxprocs}, else the number of CPUs; a value that is not a positive integer is
     * ignored, as Go ignores it.
     *
     * @return the default scheduler, created on first use; it cannot be closed
     */
    public static Scheduler defaultScheduler() {
        return Default.INSTANCE;
    }

    /**
     * Creates a scheduler running at most {@code procs} goroutines at once: a Go runtime with
     * {@code GOMAXPROCS=procs}. Close it when done with it, so that its threads exit.
     *
     * @param procs the number of worker threads
     * @return a new scheduler
     * @throws IllegalArgumentException if {@code procs} is not positive
     */
    public static Scheduler create(int procs) {
        return new Scheduler(new SchedulerCore("go4j-" + procs + "p", procs), false);
    }

    /**
     * Starts {@code body} in a new goroutine of this scheduler: Go's {@code go body()}. What the
     * caller did before happens-before the body runs.
     *
     * @param body what the goroutine runs
     * @return the goroutine's virtual thread, already started
     * @throws IllegalStateException if the scheduler is closed
     */
    public Thread go(Runnable body) {
        return core.start(body);
    }

    /**
     * Returns how many goroutines may run at once: Go's {@code runtime.GOMAXPROCS(0)}. In
     * {@link Mode#JDK_DEFAULT} the JDK's scheduler decides instead.
     *
     * @return the number of procs
     */
    public int procs() {
        return core.procs();
    }

    /**
     * Returns the number of goroutines of this scheduler that have started and not yet ended:
     * Go's {@code runtime.NumGoroutine()}.
     *
     * @return the number of live goroutines
     */
    public int numGoroutine() {
        return core.live();
    }

    /**
     * Returns a dump of this scheduler's live goroutines in Go's format, as Go prints on a crash
     * or on {@code SIGQUIT}: for each, a line {@code goroutine 21 [chan receive, 3 minutes]:}
     * with its id (its thread's id), what it waits for ({@code chan send}, {@code chan receive},
     * {@code select}, {@code select (no cases)}, {@code sync.Mutex.Lock},
     * {@code sync.WaitGroup.Wait}, {@code sleep}, ...) or {@code running} / {@code runnable},
     * and the minutes it has been blocked once there is at least one; then its stack. A scheduler
     * made while the system property {@code go4j.creationSites} is {@code true} (for the default
     * scheduler: {@code -Dgo4j.creationSites=true}) ends each paragraph with Go's
     * {@code created by Class.method in goroutine N} line and the frame of that {@code go} call,
     * and adds that line, as a suppressed exception, to an exception that ends a goroutine.
     *
     * @return the dump, one paragraph per goroutine
     */
    public String dump() {
        return core.dump();
    }

    /**
     * Returns this scheduler's live goroutines, each as its paragraph of {@link #dump()} shows
     * it, for tools that look at goroutines rather than read a dump (go4j-junit's leak check,
     * as uber-go/goleak parses Go's {@code runtime.Stack} output). Each goroutine is looked at
     * in turn while they all run on, so the list is not an atomic snapshot.
     *
     * @return the live goroutines, lowest id first
     */
    public List<GoroutineInfo> goroutines() {
        return core.goroutines();
    }

    /**
     * Tells whether the goroutines run on go4j's own carriers or on the JDK's default
     * virtual-thread scheduler.
     *
     * @return the mode
     */
    public Mode mode() {
        return core.ownCarriers() ? Mode.GO4J : Mode.JDK_DEFAULT;
    }

    /**
     * Closes this scheduler: new goroutines are refused ({@link #go} throws
     * {@link IllegalStateException}), every live goroutine is interrupted (one blocked in a go4j
     * operation throws {@link io.go4j.GoInterruptedException}), and {@code close} waits until
     * they have all ended; then the worker threads exit. A goroutine that ignores interruption
     * keeps {@code close} waiting until it ends. Closing twice is harmless.
     *
     * @throws IllegalStateException if this is the default scheduler, or if called from one of
     *     this scheduler's own goroutines (it would wait for itself)
     * @throws io.go4j.GoInterruptedException if the calling thread is interrupted while waiting;
     *     the scheduler stays closed and its threads exit once its goroutines end
     */
    @Override
    public void close() {
        if (isDefault) {
            throw new IllegalStateException("the default scheduler cannot be closed");
        }
        core.close();
    }

    @Override
    public String toString() {
        return "Scheduler[procs=" + procs() + ", mode=" + mode() + ", goroutines=" + numGoroutine()
                + "]";
    }
}
