package io.go4j.internal.runtime;

import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * go4j's carriers: the executor that the virtual threads of goroutines run on, Go's GMP
 * scheduler in the JVM's terms. A virtual thread that becomes ready to run (started, unparked,
 * yielding) is handed to {@link #execute} as a task that mounts and continues it.
 *
 * <p>{@code procs} {@link Worker}s each own a local {@link RunQueue}; a {@link GlobalQueue}
 * takes what does not come from a worker. Sysmon ({@link #monitor}, called every 10 ms by
 * {@link Sysmon}) ends time slices and compensates for stuck workers.
 *
 * <h2>Scheduling policy</h2>
 * Every rule about when a goroutine runs, and where, is here; the timing constants are below.
 *
 * <p><b>Where a ready goroutine goes.</b> The JDK calls {@code execute} on the thread that made
 * the goroutine ready. When that is a goroutine running on one of our workers, its carrier tells
 * which, and the woken goroutine goes to that worker's {@code runnext}: it runs there as soon as
 * the waker blocks, in its partner's warm cache (Go's producer/consumer locality). A goroutine
 * it displaces goes to the tail of the ring. Everything else (a start from a platform thread,
 * the JDK's timer thread ending a sleep, a yield: the task its worker runs now) goes to the
 * global queue, which a worker checks every 61 tasks so it is never starved.
 *
 * <p><b>Waking.</b> Go's {@code ready} wakes an idle worker ({@code wakep}) whenever none spins.
 * go4j does so whenever it queues a goroutine where any worker may take it: on the global queue,
 * or on the ring when a newly readied goroutine displaced it from {@code runnext}. A goroutine
 * put in an empty {@code runnext} wakes nobody at once: its waker is usually about to block,
 * and it then runs where it is, next to its partner's data. If the waker keeps running instead,
 * sysmon's runnext watch finds it: once a goroutine has been put in a running worker's
 * {@code runnext} while a worker idles, sysmon looks at the runnext slots after a short watch
 * period (about 70 µs, see {@link Sysmon}), and a goroutine that sat there, with nothing else
 * put there, from one look to the next gets an idle worker woken to steal it
 * ({@link #watchRunnext}). While the runnext goroutines keep being run promptly (a stream, a
 * ping-pong: many put between two looks), the period doubles up to a millisecond, as each look
 * wakes a thread beside them (looking every 70 µs throughout made ping-pong 5 to 15 % slower
 * in JMH on the quiet machine); a slot found holding a goroutine put there by a waker that
 * readied nothing else since the last look brings it back to the shortest. Measured on the
 * loaded 2-core machine (builds beside it, load average 4 to 10), with a busy waker: wake-up
 * p50 3.8 to 5.1 ms before the watch (only sysmon's 10 ms look found it). Waking an idle worker
 * at every such ready, Go's rule, took that p50 to 75 to 93 µs, but made every hand-off pay a
 * fence and a look at the idle list, and the woken worker, lingering to spare the next wake-up,
 * stole the partner of a stream: JMH, the jar before and that jar interleaved twice, buffered
 * 1 → 1 cap 16 went from 70 and 76 ns/op to 345 and 368, unbuffered 1 → 1 from 305 and 384 to
 * 1051 and 1473, ping-pong from 815 and 830 to 2536 and 4474 (errors as large as the scores on
 * that machine, the direction the same in every row). The sync types unpark plainly too; the
 * watch bounds how long a goroutine woken by a releaser that keeps running waits. One spinner
 * is enough to pick up new work, so a burst of work does not wake every worker, and a spinner
 * that finds work and was the last wakes another (Go's {@code resetspinning}), so work arriving
 * meanwhile still finds one.
 *
 * <p><b>Spinning.</b> A spinning worker steals: half of a victim's ring, or the global queue,
 * four rounds over all workers from a random start. In the last round it also takes a victim's
 * {@code runnext}, but only if the same goroutine is still there after
 * {@link #RUNNEXT_GRACE_NANOS} (Go's 3 µs), with no other put there meanwhile: a goroutine
 * readied by one about to block is about to run where it is. Having found nothing, it goes idle
 * and parks. At most half the busy workers spin at once (Go's rule).
 *
 * <p><b>Time slice (Go's {@code inheritTime}).</b> A goroutine taken from {@code runnext}
 * inherits the time slice of the one that readied it; any other pick begins a slice
 * ({@link Worker#slices}, Go's {@code schedtick}). When sysmon sees a worker's slice run over
 * {@link #SLICE_NANOS} while its ring or the global queue holds work, it ends the slice: at its
 * next pick the worker sends {@code runnext} to the back of its ring. Two goroutines that keep
 * readying each other thus share one slice, and cannot keep the queued goroutines from running
 * for more than a slice and a sysmon period.
 *
 * <p><b>Stuck workers and spares (Go's {@code retake}).</b> A worker inside one task for
 * {@link #STUCK_NANOS} while work waits is stuck: a goroutine pinned to its carrier by a native
 * frame, file I/O or {@code synchronized} (JDK 21–23), or one that never blocks, and a virtual
 * thread cannot be preempted. Sysmon wakes an idle worker for the waiting work or, with none
 * idle, starts a spare worker. The spare retires as soon as no worker is stuck, even with work
 * queued on it, which it hands to the global queue: staying, it would run more goroutines at once
 * than there are procs. Idle while a worker is still stuck, it looks again every
 * {@link #SPARE_LINGER_NANOS}.
 *
 * <p><b>Sysmon's sleep.</b> With no program to watch and every worker idle, sysmon parks with no
 * deadline; any worker leaving the idle list, woken or by itself, nudges it awake.
 */
public final class CarrierPool implements Executor {

    /** How long a thief leaves a running worker's {@code runnext} to its owner (Go: 3 µs). */
    static final long RUNNEXT_GRACE_NANOS = TimeUnit.MICROSECONDS.toNanos(3);
    /** Go's {@code forcePreemptNS}: the time slice a goroutine and those it readies share. */
    static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long a worker may stay inside one task while work waits before sysmon compensates. */
    private static final long STUCK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How long an idle spare waits for work before it checks whether it may retire. */
    static final long SPARE_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Go caps its threads at 10,000; spares beyond a few hundred would only thrash. */
    private static final int MAX_SPARES = 256;

    final GlobalQueue global = new GlobalQueue();
    /** Workers looking for work to steal; the pool wakes an idle worker only when none is. */
    final AtomicInteger spinning = new AtomicInteger();
    /** Workers sysmon found stuck in one task, not yet out of it. */
    final AtomicInteger stuckWorkers = new AtomicInteger();

    private final String name;
    /**
     * Taken with {@link SpinLock#lockHoldingOthers()}, which never yields nor parks, because its
     * holders include goroutines waking a worker from inside {@link #execute}. A lock that parks
     * would park such a goroutine while it holds the pool's one {@link #spinning} token, and the
     * thread that released the lock would then queue it where no worker is woken to look (a
     * retiring spare's {@code runnext}): every later wake-up sees the token and wakes nobody, and
     * the pool stops. Each holder only moves a few references and never blocks, so waiting means
     * spinning a few hundred nanoseconds.
     */
    private final SpinLock idleLock = new SpinLock();
    /** Guarded by idleLock; most recently idle first, as its caches are the warmest. */
    private final ArrayDeque<Worker> idleWorkers = new ArrayDeque<>();
    /** Size of idleWorkers, readable without the lock. */
    private volatile int idleCount;
    /** Core workers first, then spares; replaced (under idleLock) when spares come and go. */
    private volatile Worker[] workers;
    private int sparesStarted;
    private volatile boolean terminated;

    /**
     * Starts {@code procs} workers.
     *
     * @param name prefix of the workers' thread names
     * @param procs how many goroutines may run at once
     */
    public CarrierPool(String name, int procs) {
        this.name = name;
        Worker[] initial = new Worker[procs];
        for (int i = 0; i < procs; i++) {
            initial[i] = new Worker(this, name + "-" + i, false);
        }
        workers = initial;
        for (Worker w : initial) {
            w.start();
        }
        Sysmon.watch(this);
    }

    /**
     * Queues a virtual thread's continuation to run: on the calling carrier's {@code runnext}
     * when a goroutine of this pool made it ready, else on the global queue; then wakes an idle
     * worker if none spins and there is work for one to take, or has sysmon watch the
     * {@code runnext}. A worker's own thread between two tasks counts as no goroutine: it may be
     * about to retire, and nothing would then ever take its {@code runnext}.
     */
    @Override
    public void execute(Runnable task) {
        if (terminated) {
            runAfterTermination(task);
            return;
        }
        Worker self = currentWorker();
        if (self == null || self.current == null || self.current == task) {
            global.offer(task);
        } else if (!self.readyNext(task)) {
            if (idleCount != 0) {
                Sysmon.watchRunnext();
            }
            return;
        }
        VarHandle.fullFence();
        wakeIdle();
    }

    /**
     * A goroutine whose body has ended may still need its carrier once more, to finish
     * terminating its virtual thread (a contended monitor on the way out, say), after the last
     * worker left: a spare is started to run it, and retires at once.
     */
    private void runAfterTermination(Runnable task) {
        global.offer(task);
        startSpare();
    }

    /** Returns the worker the current thread runs on, if it is one of this pool's; else null. */
    private Worker currentWorker() {
        return VirtualThreads.currentCarrier() instanceof Worker w && w.pool == this ? w : null;
    }

    /**
     * Tells a goroutine about to spin-wait whether goroutines wait to run on its own carrier: a
     * spin would only delay them (the counterpart it waits for may be one of them).
     *
     * @param carrier the carrier of the goroutine
     * @return true if {@code carrier} is a go4j worker whose local queue, or whose pool's global
     *     queue, holds work
     */
    public static boolean hasQueuedWork(Thread carrier) {
        return carrier instanceof Worker w && (w.queue.hasWork() || !w.pool.global.isEmpty());
    }

    /** Go's {@code wakep}: wakes an idle worker to spin, unless one spins already. */
    void wakeIdle() {
        if (idleCount == 0 || spinning.get() != 0 || !spinning.compareAndSet(0, 1)) {
            return;
        }
        Worker w = null;
        idleLock.lockHoldingOthers();
        try {
            w = idleWorkers.poll();
            if (w != null) {
                idleCount = idleWorkers.size();
                w.handedSpinning = true;
                w.idle = false;
            }
        } finally {
            idleLock.unlock();
        }
        if (w == null) {
            spinning.decrementAndGet();
        } else {
            LockSupport.unpark(w);
            Sysmon.nudge();
        }
    }

    /** @return true if every worker is idle: nothing runs, so sysmon has nothing to watch */
    boolean allIdle() {
        return idleCount == workers.length;
    }

    /** Go's rule: spin only while fewer than half of the busy workers do. */
    boolean maySpin() {
        return 2 * spinning.get() < workers.length - idleCount;
    }

    void pushIdle(Worker w) {
        idleLock.lockHoldingOthers();
        try {
            w.idle = true;
            idleWorkers.push(w);
            idleCount = idleWorkers.size();
        } finally {
            idleLock.unlock();
        }
    }

    /** @return true if {@code w} was still idle; false if a waker took it off the list first */
    boolean removeIdle(Worker w) {
        idleLock.lockHoldingOthers();
        try {
            if (!w.idle) {
                return false;
            }
            w.idle = false;
            idleWorkers.remove(w);
            idleCount = idleWorkers.size();
        } finally {
            idleLock.unlock();
        }
        Sysmon.nudge();
        return true;
    }

    /**
     * A worker with nothing to do leaves: a spare once no worker is stuck, any worker once the
     * pool is terminated.
     *
     * @return false if the spare should stay after all: a worker got stuck meanwhile
     */
    boolean retire(Worker w) {
        idleLock.lockHoldingOthers();
        try {
            if (!terminated && stuckWorkers.get() != 0) {
                return false;
            }
            Worker[] all = workers;
            int i = Arrays.asList(all).indexOf(w);
            Worker[] rest = Arrays.copyOf(all, all.length - 1);
            System.arraycopy(all, i + 1, rest, i, all.length - 1 - i);
            if (rest.length > 0) {
                workers = rest;
            }
            return true;
        } finally {
            idleLock.unlock();
        }
    }

    private void addSpare() {
        if (!terminated && spareCount() < MAX_SPARES) {
            startSpare();
        }
    }

    private void startSpare() {
        Worker spare;
        idleLock.lockHoldingOthers();
        try {
            spare = new Worker(this, name + "-spare-" + sparesStarted++, true);
            Worker[] all = workers;
            Worker[] more = Arrays.copyOf(all, all.length + 1);
            more[all.length] = spare;
            workers = more;
        } finally {
            idleLock.unlock();
        }
        spare.start();
    }

    private int spareCount() {
        int n = 0;
        for (Worker w : workers) {
            if (w.spare) {
                n++;
            }
        }
        return n;
    }

    Worker[] workers() {
        return workers;
    }

    int workerCount() {
        return workers.length;
    }

    /** @return true if a task waits in the global queue or in any worker's queue */
    boolean hasWork() {
        if (!global.isEmpty()) {
            return true;
        }
        for (Worker w : workers) {
            if (w.queue.hasWork()) {
                return true;
            }
        }
        return false;
    }

    boolean terminated() {
        return terminated;
    }

    /** Lets the workers exit once they are out of work; called when no goroutine is left. */
    public void terminate() {
        terminated = true;
        Sysmon.unwatch(this);
        for (Worker w : workers) {
            LockSupport.unpark(w);
        }
    }

    /** {@link #watchRunnext}: nothing to watch, no worker both running and idle. */
    static final int WATCH_NOTHING = 0;
    /** {@link #watchRunnext}: workers run beside idle ones, whose runnext goroutines run soon. */
    static final int WATCH_BUSY = 1;
    /** {@link #watchRunnext}: a runnext goroutine was put there by a waker that readies little. */
    static final int WATCH_SLOW = 2;
    /** {@link #watchRunnext}: a runnext goroutine sat there since the last look: a worker woke. */
    static final int WATCH_STALLED = 3;

    /**
     * Sysmon's runnext watch: wakes an idle worker (which steals it) if a running worker's
     * {@code runnext} has held the same goroutine, with nothing else put there, since the
     * previous look.
     *
     * @return the most pressing of the {@code WATCH_} states found, which sets sysmon's next look
     */
    int watchRunnext() {
        int state = WATCH_NOTHING;
        boolean anyRunning = false;
        for (Worker w : workers) {
            int puts = w.queue.runnextPuts();
            if (w.current != null) {
                anyRunning = true;
                if (w.queue.peekRunnext() != null && puts - w.watchedPuts <= 1) {
                    state = Math.max(state, puts == w.watchedPuts ? WATCH_STALLED : WATCH_SLOW);
                }
            }
            w.watchedPuts = puts;
        }
        if (state == WATCH_STALLED) {
            wakeIdle();
        }
        if (!anyRunning || idleCount == 0) {
            return WATCH_NOTHING;
        }
        return Math.max(state, WATCH_BUSY);
    }

    /**
     * Sysmon's look at the pool: ends every time slice run out while work waits behind it, and
     * compensates for every worker that has been inside one task for {@link #STUCK_NANOS} while
     * work waits, by waking an idle worker or adding a spare.
     *
     * @param now {@link System#nanoTime()}
     */
    public void monitor(long now) {
        boolean waiting = hasWork();
        for (Worker w : workers) {
            boolean running = w.current != null;
            long slices = w.slices;
            if (!running || slices != w.seenSlices) {
                w.seenSlices = slices;
                w.sliceSeenSince = now;
            } else if (now - w.sliceSeenSince >= SLICE_NANOS
                    && (w.queue.ringHasWork() || !global.isEmpty())) {
                w.sliceOver = true;
                w.sliceSeenSince = now;
            }
            long ticks = w.ticks;
            if (!running || ticks != w.seenTicks) {
                w.seenTicks = ticks;
                w.seenSince = now;
            } else if (waiting && now - w.seenSince >= STUCK_NANOS && w.markStuck()) {
                stuckWorkers.incrementAndGet();
                if (idleCount == 0) {
                    addSpare();
                }
            }
        }
        if (waiting) {
            wakeIdle();
        }
    }
}
