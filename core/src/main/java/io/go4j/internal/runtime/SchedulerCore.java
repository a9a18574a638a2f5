package io.go4j.internal.runtime;

import io.go4j.GoInterruptedException;
import io.go4j.internal.race.Race;
import io.go4j.runtime.GoroutineInfo;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;

/**
 * The goroutines of one scheduler and the carriers they run on: what stands behind a public
 * {@code io.go4j.runtime.Scheduler}.
 *
 * <p>With {@code java.lang} opened to go4j the goroutines run on a {@link CarrierPool} of
 * {@code procs} workers; without, on the JDK's default virtual-thread scheduler (and go4j says
 * so once, as a WARNING). The books (wait reasons, dumps, programs, deadlock detection) are kept
 * the same way in both modes.
 */
public final class SchedulerCore {


    private final int procs;
    /** Null when the goroutines run on the JDK's default scheduler. */
    private final CarrierPool pool;
    private final ThreadFactory threads;
    /** The timers of {@code io.go4j.time} called from this scheduler's goroutines. */
    private final TimerService timers;
    /**
     * Goroutines started and not yet ended; counted before the closed check (see start). An
     * adder, not an atomic: every start and end of a goroutine touches it, from every worker.
     * Once closed, every decrement is followed by a look at the sum, so the last one sees zero.
     */
    private final LongAdder live = new LongAdder();
    private final CountDownLatch drained = new CountDownLatch(1);
    private volatile boolean closed;
    /** Whether {@link #start} records where each goroutine is started (see CreationSite). */
    private final boolean recordCreationSites = CreationSite.enabled();

    private static final class Default {
        static final SchedulerCore CORE =
                new SchedulerCore("go4j", defaultProcs(), TimerService.defaultService());
    }

    /** @return the core of {@code Go.go} and the default scheduler, created on first use */
    public static SchedulerCore defaultCore() {
        return Default.CORE;
    }

    /** Go's rule for GOMAXPROCS, with a system property as the JVM's second source. */
    private static int defaultProcs() {
        String[] sources = {System.getenv("GOMAXPROCS"), System.getProperty("go4j.maxprocs")};
        for (String value : sources) {
            try {
                int procs = value == null ? 0 : Integer.parseInt(value.trim());
                if (procs > 0) {
                    return procs;
                }
            } catch (NumberFormatException e) {
                // not a number: ignored, as Go ignores it
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param name prefix of the carriers' thread names
     * @param procs how many goroutines may run at once (Go's GOMAXPROCS)
     */
    public SchedulerCore(String name, int procs) {
        this(name, procs, new TimerService());
        if (pool != null) {
            JdkPollers.startOffClosableSchedulers();
        }
    }

    private SchedulerCore(String name, int procs, TimerService timers) {
        if (procs < 1) {
            throw new IllegalArgumentException("procs must be positive: " + procs);
        }
        this.procs = procs;
        this.timers = timers;
        if (VirtualThreads.customSchedulerAvailable()) {
            pool = new CarrierPool(name, procs);
            threads = VirtualThreads.builder(pool).factory();
        } else {
            pool = null;
            threads = Thread.ofVirtual().factory();
            FallbackWarning.log();
        }
    }

    /** @return true once {@link #close()} began: its goroutines are being interrupted */
    boolean isClosed() {
        return closed;
    }

    /** @return true if the goroutines run on go4j's own carriers */
    public boolean ownCarriers() {
        return pool != null;
    }

    public TimerService timers() {
        return timers;
    }

    public int procs() {
        return procs;
    }

    public int live() {
        return live.intValue();
    }

    /**
     * Starts a goroutine running {@code body}, in the {@code Go.main} program of the calling
     * goroutine if it is in one.
     */
    public Thread start(Runnable body) {
        Goroutine parent = Program.anyRunning() ? Goroutines.current() : null;
        return start(body, parent == null ? null : parent.program);
    }

    /**
     * Starts a goroutine running {@code body} as part of {@code program} (or of none).
     *
     * @throws IllegalStateException if the scheduler is closed
     */
    public Thread start(Runnable body, Program program) {
        Thread t = tryStart(body, program);
        if (t == null) {
            throw new IllegalStateException("scheduler closed");
        }
        return t;
    }

    /**
     * Starts a goroutine running {@code body} as part of {@code program} on this scheduler, or on
     * the default scheduler once this one is closed: for timers, which outlive the scheduler their
     * goroutine made them on.
     */
    public Thread startOrHandOver(Runnable body, Program program) {
        Thread t = tryStart(body, program);
        return t != null ? t : defaultCore().start(body, program);
    }

    /**
     * Starts a goroutine, unless the scheduler is closed. A goroutine is counted before the closed
     * check and listed before it starts, and looks at {@code closed} (and at its program's end)
     * once more after it is listed: whichever way it races a {@link #close()} or the end of its
     * program, either the goroutine sees the flag, or the closer's scan of the list (which comes
     * after setting the flag) sees the goroutine, and it is interrupted.
     *
     * @return the started thread, or null if the scheduler is closed
     */
    private Thread tryStart(Runnable body, Program program) {
        live.increment();
        if (closed) {
            ended();
            return null;
        }
        Goroutine g = new Goroutine(this, program, recordCreationSites
                ? new CreationSite.Started(body, new CreationSite(Goroutines.current()))
                : body);
        Thread t = threads.newThread(g);
        t.setUncaughtExceptionHandler(g);
        g.thread = t;
        if (program != null) {
            program.entered();
        }
        Goroutines.started(g);
        if (Race.ENABLED) {
            Race.go(t);
        }
        t.start();
        if (closed || (program != null && program.isOver())) {
            t.interrupt();
        }
        return t;
    }

    void ended() {
        live.decrement();
        if (closed && live.sum() == 0) {
            drain();
        }
    }

    private void drain() {
        drained.countDown();
        timers.close();
        if (pool != null) {
            pool.terminate();
        }
    }

    /** @return Go's goroutine dump of this scheduler's live goroutines */
    public String dump() {
        return GoroutineDump.format(Goroutines.select(g -> g.scheduler == this));
    }

    /** @return this scheduler's live goroutines as a dump shows them, oldest id first */
    public List<GoroutineInfo> goroutines() {
        return GoroutineDump.describe(Goroutines.select(g -> g.scheduler == this));
    }

    /**
     * Refuses new goroutines, interrupts the live ones and waits until they have all ended; then
     * the carriers exit.
     *
     * @throws IllegalStateException if called from one of the scheduler's own goroutines
     * @throws GoInterruptedException if the calling thread is interrupted while waiting (the
     *     scheduler stays closed; its carriers exit once its goroutines end)
     */
    public void close() {
        Goroutine self = Goroutines.current();
        if (self != null && self.scheduler == this) {
            throw new IllegalStateException("scheduler closed from one of its own goroutines");
        }
        closed = true;
        if (live.sum() == 0) {
            drain();
        }
        for (Goroutine g : Goroutines.select(g -> g.scheduler == this)) {
            g.thread.interrupt();
        }
        try {
            drained.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GoInterruptedException();
        }
    }
}
