package io.go4j.internal.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A worker's local run queue: Go's {@code p.runq} and {@code p.runnext}.
 *
 * <p>A bounded ring of {@link #CAPACITY} tasks. Only the owning worker adds, at {@code tail};
 * the owner and thieves take from {@code head} by CAS, thieves half of the queue at a time.
 * Beside the ring, the {@code runnext} slot holds the task to run before the ring: a goroutine
 * made ready by the goroutine now running on this worker goes there, so a producer and its
 * consumer take turns on one carrier, in each other's warm cache (Go's producer/consumer
 * locality).
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>{@code head <= tail <= head + CAPACITY} (as unsigned distances: both wrap around).
 * <li>Slots {@code [head, tail)} hold the queued tasks. The owner writes a slot only at
 * {@code tail}, which never reaches a slot in {@code [head, tail)}; so a thief that read slots
 * {@code [h, h+n)} and then moved {@code head} from {@code h} by CAS read tasks nobody else
 * took: {@code head} only grows, so the CAS succeeding means it stayed at {@code h}.
 * <li>{@code tail} is written by the owner only, with release semantics after the slot; a
 * reader that sees a tail sees the slots below it.
 * </ul>
 */
final class RunQueue {

    /** Go's runq size: enough to absorb a burst of spawns before spilling to the global queue. */
    static final int CAPACITY = 256;
    private static final int MASK = CAPACITY - 1;

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle RUNNEXT;
    private static final VarHandle RUNNEXT_PUTS;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Runnable[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(RunQueue.class, "head", int.class);
            TAIL = lookup.findVarHandle(RunQueue.class, "tail", int.class);
            RUNNEXT = lookup.findVarHandle(RunQueue.class, "runnext", Runnable.class);
            RUNNEXT_PUTS = lookup.findVarHandle(RunQueue.class, "runnextPuts", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable[] slots = new Runnable[CAPACITY];
    // Padding keeps the thieves' CAS on head off the owner's cache line of tail.
    @SuppressWarnings("unused")
    private long p01, p02, p03, p04, p05, p06, p07;
    private volatile int head;
    @SuppressWarnings("unused")
    private long p11, p12, p13, p14, p15, p16, p17;
    private volatile int tail;
    private volatile Runnable runnext;
    /**
     * How many tasks the owner has put in {@code runnext}; written by the owner only, with
     * opaque stores. Two goroutines that ready each other put the same two tasks there in turn,
     * so a thief that finds the task it saw before its grace cannot tell from the slot alone
     * whether it sat there all along: this count tells.
     */
    private int runnextPuts;

    /**
     * Owner only: puts {@code task} in {@code runnext}, returning the task it displaced (which
     * the caller must queue with {@link #offer}), or null.
     */
    Runnable putNext(Runnable task) {
        RUNNEXT_PUTS.setOpaque(this, runnextPuts + 1);
        return (Runnable) RUNNEXT.getAndSet(this, task);
    }

    /**
     * Owner only: adds {@code task} at the tail.
     *
     * @return false if the ring is full; the caller then moves {@link #spillHalf} to the global
     *     queue
     */
    boolean offer(Runnable task) {
        int t = tail;
        if (t - (int) HEAD.getAcquire(this) >= CAPACITY) {
            return false;
        }
        SLOTS.setOpaque(slots, t & MASK, task);
        TAIL.setRelease(this, t + 1);
        return true;
    }

    /**
     * Owner only, ring full: takes the older half of the ring, for the caller to put in the
     * global queue.
     *
     * @return the tasks taken, oldest first, or null if thieves emptied part of the ring
     *     meanwhile (then {@link #offer} has room)
     */
    Runnable[] spillHalf() {
        int h = (int) HEAD.getAcquire(this);
        int n = (tail - h) / 2;
        if (n < CAPACITY / 2) {
            return null;
        }
        Runnable[] batch = new Runnable[n];
        for (int i = 0; i < n; i++) {
            batch[i] = (Runnable) SLOTS.getOpaque(slots, (h + i) & MASK);
        }
        return HEAD.compareAndSet(this, h, h + n) ? batch : null;
    }

    /**
     * Owner only: takes the task in {@code runnext}; null if there is none (or a thief took it).
     * The owner runs it before the ring.
     */
    Runnable pollRunnext() {
        Runnable next = runnext;
        return next != null && RUNNEXT.compareAndSet(this, next, null) ? next : null;
    }

    /**
     * Owner only: how many tasks {@link #offer} will take before it refuses one; thieves can
     * only make room.
     */
    int room() {
        return CAPACITY - (tail - (int) HEAD.getAcquire(this));
    }

    /** Owner only: takes the oldest task of the ring, leaving {@code runnext}; null if empty. */
    Runnable pollRing() {
        while (true) {
            int h = (int) HEAD.getAcquire(this);
            if (h == tail) {
                return null;
            }
            Runnable task = (Runnable) SLOTS.getOpaque(slots, h & MASK);
            if (HEAD.compareAndSet(this, h, h + 1)) {
                return task;
            }
        }
    }

    /**
     * Thief: moves half of this queue's ring (at least one task) into {@code into}, which must be
     * the thief's own, empty queue, and returns one more to run at once; null if the ring was
     * empty. {@code runnext} is left alone: see {@link #stealRunnext}.
     */
    Runnable stealInto(RunQueue into) {
        while (true) {
            int h = (int) HEAD.getAcquire(this);
            int t = (int) TAIL.getAcquire(this);
            int n = t - h;
            if (n <= 0) {
                return null;
            }
            if (n > CAPACITY) {
                continue; // read a head older than the tail: retry
            }
            n -= n / 2;
            Runnable first = (Runnable) SLOTS.getOpaque(slots, h & MASK);
            int intoTail = into.tail;
            for (int i = 1; i < n; i++) {
                SLOTS.setOpaque(into.slots, (intoTail + i - 1) & MASK, SLOTS.getOpaque(slots, (h + i) & MASK));
            }
            if (HEAD.compareAndSet(this, h, h + n)) {
                TAIL.setRelease(into, intoTail + n - 1);
                return first;
            }
        }
    }

    /**
     * Thief: takes {@code task} out of {@code runnext} if it is still there. Go leaves a task in
     * {@code runnext} to its owner at first, as the owner is usually about to run it, so a
     * thief asks for it last, and only after a grace (see {@code Worker}).
     *
     * @return true if this thief took it
     */
    boolean stealRunnext(Runnable task) {
        return RUNNEXT.compareAndSet(this, task, null);
    }

    /** @return the task in {@code runnext}, left there; a racy hint for other threads */
    Runnable peekRunnext() {
        return runnext;
    }

    /** @return how many tasks were put in {@code runnext} so far; a racy hint for thieves */
    int runnextPuts() {
        return (int) RUNNEXT_PUTS.getOpaque(this);
    }

    /** @return true if the ring holds a task; a racy hint for other threads */
    boolean ringHasWork() {
        return (int) TAIL.getAcquire(this) != (int) HEAD.getAcquire(this);
    }

    /** @return true if the ring or {@code runnext} holds a task; a racy hint for other threads */
    boolean hasWork() {
        return runnext != null || ringHasWork();
    }
}
