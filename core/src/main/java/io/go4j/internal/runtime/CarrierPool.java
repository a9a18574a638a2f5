package io.go4j.internal.runtime;

import java.lang.invoke.MethodHandles;
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
 * takes what does not come from a worker. The JDK calls {@code execute} on the thread that makes
 * the goroutine ready: when that is a goroutine running on one of our workers, its carrier tells
 * which worker, and the woken goroutine goes to that worker's {@code runnext}: it runs there as
 * soon as the waker blocks, without crossing cores. Then no idle worker is woken for it: in a
 * stream of hand-offs each wake-up would cost the waker an unpark and bring a thief to the
 * partner's cache lines. Should the waker keep running instead of blocking, the goroutine waits
 * in {@code runnext} until the waker readies another (which pushes it to the stealable ring and
 * wakes a worker) or until sysmon's next look (every 10 ms) wakes one. A goroutine resubmitted while it is the task
 * its worker runs is yielding ({@code Go.gosched()}), and goes to the global queue, as in Go.
 *
 * <p>Sysmon ({@link #monitor}) watches for workers stuck inside one goroutine while others wait
 * to run: a goroutine pinned to its carrier by a native frame, file I/O or {@code synchronized}
 * (JDK 21–23), or one that never blocks. It then adds a spare worker, which retires once no
 * worker is stuck any more.
 */
public final class CarrierPool implements Executor {

    /** How long a worker may stay inside one task while work waits before sysmon compensates. */
    private static final long STUCK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Go caps its threads at 10,000; spares beyond a few hundred would only thrash. */
    private static final int MAX_SPARES = 256;

    private static final VarHandle IDLE_LOCK;

    static {
        try {
            IDLE_LOCK = MethodHandles.lookup().findVarHandle(CarrierPool.class, "idleLock", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final GlobalQueue global = new GlobalQueue();
    /** Workers looking for work to steal; the pool wakes an idle worker only when none is. */
    final AtomicInteger spinning = new AtomicInteger();
    /** Workers sysmon found stuck in one task, not yet out of it. */
    final AtomicInteger stuckWorkers = new AtomicInteger();

    private final String name;
    /**
     * 1 while held, else 0: a spin lock, because its holders include goroutines waking a worker
     * from inside {@link #execute}. A lock that parks would park such a goroutine while it holds
     * the pool's one {@link #spinning} token, and the thread that released the lock would then
     * queue it where no worker is woken to look (a retiring spare's {@code runnext}): every later
     * wake-up sees the token and wakes nobody, and the pool stops. Each holder only moves a few
     * references and never blocks, so waiting means spinning a few hundred nanoseconds.
     */
    private volatile int idleLock;
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
     * when a goroutine of this pool made it ready, else on the global queue. A worker's own
     * thread between two tasks counts as no goroutine: it may be about to retire, and nothing
     * would then ever take its {@code runnext}.
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

    /**
     * Unparks {@code t} for a releaser that goes on running (an unlock, a release, a signal):
     * where {@link #execute} put {@code t} in the releaser's own {@code runnext}, nobody would
     * run it before the releaser blocks, so an idle worker is woken to take it, as Go's
     * {@code ready} always does.
     *
     * @param t the thread to unpark
     */
    public static void unparkForRunningReleaser(Thread t) {
        LockSupport.unpark(t);
        if (VirtualThreads.currentCarrier() instanceof Worker w && w.queue.peekRunnext() != null) {
            VarHandle.fullFence();
            w.pool.wakeIdle();
        }
    }

    /** Go's {@code wakep}: wakes an idle worker to spin, unless one spins already. */
    void wakeIdle() {
        if (idleCount == 0 || spinning.get() != 0 || !spinning.compareAndSet(0, 1)) {
            return;
        }
        Worker w = null;
        lockIdle();
        try {
            w = idleWorkers.poll();
            if (w != null) {
                idleCount = idleWorkers.size();
                w.handedSpinning = true;
                w.idle = false;
            }
        } finally {
            unlockIdle();
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
        lockIdle();
        try {
            w.idle = true;
            idleWorkers.push(w);
            idleCount = idleWorkers.size();
        } finally {
            unlockIdle();
        }
    }

    /** @return true if {@code w} was still idle; false if a waker took it off the list first */
    boolean removeIdle(Worker w) {
        lockIdle();
        try {
            if (!w.idle) {
                return false;
            }
            w.idle = false;
            idleWorkers.remove(w);
            idleCount = idleWorkers.size();
            return true;
        } finally {
            unlockIdle();
        }
    }

    /**
     * A worker with nothing to do leaves: a spare once no worker is stuck, any worker once the
     * pool is terminated.
     *
     * @return false if the spare should stay after all: a worker got stuck meanwhile
     */
    boolean retire(Worker w) {
        lockIdle();
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
            unlockIdle();
        }
    }

    private void addSpare() {
        if (!terminated && spareCount() < MAX_SPARES) {
            startSpare();
        }
    }

    private void startSpare() {
        Worker spare;
        lockIdle();
        try {
            spare = new Worker(this, name + "-spare-" + sparesStarted++, true);
            Worker[] all = workers;
            Worker[] more = Arrays.copyOf(all, all.length + 1);
            more[all.length] = spare;
            workers = more;
        } finally {
            unlockIdle();
        }
        spare.start();
    }

    private void lockIdle() {
        while (!IDLE_LOCK.compareAndSet(this, 0, 1)) {
            while (idleLock != 0) {
                Thread.onSpinWait();
            }
        }
    }

    private void unlockIdle() {
        IDLE_LOCK.setRelease(this, 0);
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

    /**
     * Sysmon's look at the pool: compensates for every worker that has been inside one task for
     * {@link #STUCK_NANOS} while work waits, by waking an idle worker or adding a spare.
     *
     * @param now {@link System#nanoTime()}
     */
    public void monitor(long now) {
        boolean waiting = hasWork();
        for (Worker w : workers) {
            long ticks = w.ticks;
            if (w.current == null || ticks != w.seenTicks) {
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
