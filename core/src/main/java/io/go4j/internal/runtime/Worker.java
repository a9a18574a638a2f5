package io.go4j.internal.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A carrier thread with its processor: Go's M bound to a P. It runs the goroutines of its
 * {@link RunQueue}, and when that is empty looks for work the way Go's {@code findRunnable}
 * does: the global queue, then stealing from other workers; with nothing found it parks, and
 * costs no CPU until {@link CarrierPool#wakeIdle} hands it work. The policies it applies
 * (spinning, the time slice, {@code runnext}'s grace) are set out, with the measurements that
 * chose them, in the class comment of {@link CarrierPool}.
 */
final class Worker extends RuntimeThread {

    /** Go's {@code stealTries}. */
    private static final int STEAL_ROUNDS = 4;
    /** Go checks its global queue every 61 schedule ticks so that it is never starved. */
    private static final int GLOBAL_QUEUE_PERIOD = 61;

    private static final VarHandle STUCK;
    private static final VarHandle CURRENT;
    private static final VarHandle TICKS;
    private static final VarHandle SLICES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STUCK = lookup.findVarHandle(Worker.class, "stuck", boolean.class);
            CURRENT = lookup.findVarHandle(Worker.class, "current", Runnable.class);
            TICKS = lookup.findVarHandle(Worker.class, "ticks", long.class);
            SLICES = lookup.findVarHandle(Worker.class, "slices", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final CarrierPool pool;
    final RunQueue queue = new RunQueue();
    /** A compensating worker added by sysmon; it retires once no worker is stuck. */
    final boolean spare;

    /**
     * The task running now, or null: a task resubmitted while it runs is yielding. Only this
     * worker writes it and {@link #ticks}, twice per task, with release stores rather than
     * volatile ones: the other readers (sysmon, a thief deciding whether to wait for
     * {@code runnext}) only make guesses that a moment's delay cannot make wrong, and a
     * volatile store's fence would cost every goroutine switch.
     */
    volatile Runnable current;
    /** Tasks run so far; sysmon reads it to notice a worker inside one task for too long. */
    volatile long ticks;
    /**
     * Time slices begun so far (Go's {@code schedtick}): counts the tasks taken from anywhere
     * but {@code runnext}, as a task from {@code runnext} inherits the slice of the one that
     * readied it. Written like {@link #ticks}; sysmon reads it to end slices run too long.
     */
    volatile long slices;
    /**
     * Set by sysmon when the current slice has run out while work waits in this worker's ring or
     * the global queue; the worker clears it at its next pick, which then sends {@code runnext}
     * to the back of the ring.
     */
    volatile boolean sliceOver;
    /** Whether the task being picked came from {@code runnext}; only this worker touches it. */
    private boolean inheritsSlice;
    /** Set by sysmon while this worker is inside one task for too long, with work waiting. */
    private volatile boolean stuck;
    /** Guarded by the pool's idle lock: true while this worker is in the idle list. */
    volatile boolean idle;
    /** Whether this worker counts in {@link CarrierPool#spinning}; only this worker touches it. */
    private boolean spinning;
    /**
     * Set, under the idle lock, by a waker that took this worker off the idle list and counted
     * it in {@link CarrierPool#spinning} on its behalf; the worker turns it into {@code spinning}
     * once awake. A separate flag, so that nobody else ever writes {@code spinning}.
     */
    volatile boolean handedSpinning;

    /** Sysmon's own bookkeeping: the ticks and slices it saw last, and when they last changed. */
    long seenTicks;
    long seenSince;
    long seenSlices;
    long sliceSeenSince;
    /** Sysmon's runnext watch: how many tasks had been put in {@code runnext} at its last look. */
    int watchedPuts;

    Worker(CarrierPool pool, String name, boolean spare) {
        super(name);
        this.pool = pool;
        this.spare = spare;
    }

    @Override
    public void run() {
        Runnable task;
        while ((task = findRunnable()) != null) {
            TICKS.setRelease(this, ticks + 1);
            if (!inheritsSlice) {
                SLICES.setRelease(this, slices + 1);
            }
            CURRENT.setRelease(this, task);
            try {
                task.run();
            } finally {
                CURRENT.setRelease(this, null);
                unstick();
            }
        }
    }

    /**
     * Runs {@code task} after the current one: a goroutine made ready by the goroutine running on
     * this worker. The task it displaces from {@code runnext} goes to the ring.
     *
     * @return true if a task was displaced: there is now work for another worker to steal
     */
    boolean readyNext(Runnable task) {
        Runnable displaced = queue.putNext(task);
        if (displaced == null) {
            return false;
        }
        push(displaced);
        return true;
    }

    /** Adds a task at the tail of the local queue, spilling half of it if full (Go's runqput). */
    void push(Runnable task) {
        while (!queue.offer(task)) {
            Runnable[] half = queue.spillHalf();
            if (half != null) {
                pool.global.offerAll(half);
            }
        }
    }

    /** Sysmon: marks this worker stuck if it is still inside the task it saw. */
    boolean markStuck() {
        return STUCK.compareAndSet(this, false, true);
    }

    private void unstick() {
        if (stuck && STUCK.compareAndSet(this, true, false)) {
            pool.stuckWorkers.decrementAndGet();
        }
    }

    /** Returns the next task to run, parking while there is none; null once this worker retires. */
    private Runnable findRunnable() {
        while (true) {
            if (spare && pool.stuckWorkers.get() == 0 && !pool.terminated()
                    && handOverAndRetire()) {
                return null;
            }
            Runnable task = localOrGlobal();
            if (task == null && (spinning || pool.maySpin())) {
                startSpinning();
                task = steal();
            }
            if (task != null) {
                stopSpinning(true);
                return task;
            }
            if (pool.terminated()) {
                stopSpinning(false);
                if (pool.retire(this)) {
                    return null;
                }
                continue;
            }
            parkIdle();
        }
    }

    /**
     * A spare leaves as soon as no worker is stuck, with work or without: it stood in for a
     * stuck worker, and staying would run more goroutines at once than the pool has procs (Go's
     * spare M gives its P back when the syscall it covered returns). In an echo server a spare
     * started early took a third of the samples of the whole run, a third carrier on 2 cores.
     * The goroutines queued on it go to the global queue, where the workers take them.
     * Not after termination: a spare started then runs what is left, with no worker to take it.
     *
     * @return false if the spare must stay after all: a worker got stuck meanwhile
     */
    private boolean handOverAndRetire() {
        stopSpinning(false);
        if (!pool.retire(this)) {
            return false;
        }
        Runnable task;
        while ((task = queue.pollRunnext()) != null || (task = queue.pollRing()) != null) {
            pool.global.offer(task);
        }
        pool.wakeIdle();
        return true;
    }

    private Runnable localOrGlobal() {
        inheritsSlice = false;
        if (sliceOver) {
            endSlice();
        }
        if (ticks % GLOBAL_QUEUE_PERIOD == 0) {
            Runnable task = pool.global.pollOne();
            if (task != null) {
                return task;
            }
        }
        Runnable task = queue.pollRunnext();
        if (task != null) {
            inheritsSlice = true;
            return task;
        }
        task = queue.pollRing();
        return task != null ? task : pool.global.poll(queue, pool.workerCount());
    }

    /**
     * The slice ran out: the goroutine in {@code runnext}, the partner of the one that just
     * blocked, goes to the back of the ring, so that the goroutines queued before it run first
     * (Go's preempted goroutine goes to the global queue, which its partner then waits behind).
     */
    private void endSlice() {
        sliceOver = false;
        Runnable next = queue.pollRunnext();
        if (next != null) {
            push(next);
        }
    }

    /**
     * Go's {@code stealWork}: four rounds over the other workers from a random start, the last
     * of which also takes a running worker's {@code runnext} once its grace is over.
     */
    private Runnable steal() {
        Worker[] all = pool.workers();
        int n = all.length;
        for (int round = 0; round < STEAL_ROUNDS; round++) {
            boolean lastRound = round == STEAL_ROUNDS - 1;
            int start = ThreadLocalRandom.current().nextInt(n);
            for (int i = 0; i < n; i++) {
                Worker victim = all[(start + i) % n];
                if (victim != this) {
                    Runnable task = victim.queue.stealInto(queue);
                    if (task == null && lastRound) {
                        task = stealRunnextOf(victim);
                    }
                    if (task != null) {
                        return task;
                    }
                }
            }
            Runnable task = pool.global.poll(queue, n);
            if (task != null) {
                return task;
            }
        }
        return null;
    }

    /**
     * Go's thief sleeps 3 µs before it takes a running worker's {@code runnext}: the goroutine
     * there was usually readied by one about to block, and will run on this worker in a moment,
     * next to its partner's data. Only if it is still there after that is it fair game: the
     * same task, and no other put there meanwhile (a ping-pong pair puts the same two tasks in
     * turn). The thief does not look at {@code runnext} while it waits: the slot shares a cache
     * line with {@code tail}, which the owner writes at every hand-off, and each look would make
     * the owner's next write a miss.
     *
     * @return the task this thief took from the victim's {@code runnext}, or null
     */
    private Runnable stealRunnextOf(Worker victim) {
        RunQueue q = victim.queue;
        int puts = q.runnextPuts();
        Runnable task = q.peekRunnext();
        if (task == null) {
            return null;
        }
        if (victim.current != null) {
            spinFor(CarrierPool.RUNNEXT_GRACE_NANOS);
            if (q.runnextPuts() != puts) {
                return null;
            }
        }
        return q.stealRunnext(task) ? task : null;
    }

    private static void spinFor(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }

    private void startSpinning() {
        if (!spinning) {
            spinning = true;
            pool.spinning.incrementAndGet();
        }
    }

    /** @param foundWork if this was the last spinner, it wakes another to look for more */
    private void stopSpinning(boolean foundWork) {
        if (spinning) {
            spinning = false;
            if (pool.spinning.decrementAndGet() == 0 && foundWork) {
                pool.wakeIdle();
            }
        }
    }

    /**
     * Goes idle: stops spinning, joins the idle list, then looks once more for work that arrived
     * before anyone could see it idle (a submitter checks for idle or spinning workers after
     * queuing its task, this worker checks the queues after leaving the one state and entering
     * the other: one of the two sees the other), and parks if there is none, until
     * {@link CarrierPool#wakeIdle} takes it off the list and hands it the spinning it counted.
     */
    private void parkIdle() {
        stopSpinning(false);
        pool.pushIdle(this);
        VarHandle.fullFence();
        if (pool.hasWork() && pool.removeIdle(this)) {
            return;
        }
        while (idle && !pool.terminated()) {
            if (spare) {
                LockSupport.parkNanos(this, CarrierPool.SPARE_LINGER_NANOS);
                break; // back to findRunnable, which retires the spare if no worker is stuck
            }
            LockSupport.park(this);
        }
        if (!pool.removeIdle(this) && handedSpinning) {
            handedSpinning = false;
            spinning = true;
        }
    }
}
