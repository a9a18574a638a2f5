package io.go4j.internal.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * The fields live in class layers, as JCTools pads its queues: HotSpot orders the fields of one
 * class as it likes (by size, then order), but never puts a subclass's fields before its
 * superclass's, though it may fill a gap the superclass left (after a 12-byte header, before its
 * first long): the padding is made of bytes, which leave none. So the 128 bytes of each padding
 * layer (two cache lines, for the adjacent-line prefetcher) do separate what they are declared
 * between. RunQueueLayoutTest checks the offsets on the running JVM.
 */

/** Keeps {@code head} off the line of the object header and of whatever precedes the queue. */
abstract class RunQueuePadBeforeHead {
    byte a00, a01, a02, a03, a04, a05, a06, a07, a08, a09, a0a, a0b, a0c, a0d, a0e, a0f;
    byte a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a1a, a1b, a1c, a1d, a1e, a1f;
    byte a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a2a, a2b, a2c, a2d, a2e, a2f;
    byte a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a3a, a3b, a3c, a3d, a3e, a3f;
    byte a40, a41, a42, a43, a44, a45, a46, a47, a48, a49, a4a, a4b, a4c, a4d, a4e, a4f;
    byte a50, a51, a52, a53, a54, a55, a56, a57, a58, a59, a5a, a5b, a5c, a5d, a5e, a5f;
    byte a60, a61, a62, a63, a64, a65, a66, a67, a68, a69, a6a, a6b, a6c, a6d, a6e, a6f;
    byte a70, a71, a72, a73, a74, a75, a76, a77, a78, a79, a7a, a7b, a7c, a7d, a7e, a7f;
}

abstract class RunQueueHead extends RunQueuePadBeforeHead {
    /** The oldest queued task's index; moved forward only, by CAS, by the owner and thieves. */
    volatile int head;
}

/** Keeps the thieves' CAS on {@code head} off the owner's line of {@code tail}. */
abstract class RunQueuePadBeforeTail extends RunQueueHead {
    byte b00, b01, b02, b03, b04, b05, b06, b07, b08, b09, b0a, b0b, b0c, b0d, b0e, b0f;
    byte b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b1a, b1b, b1c, b1d, b1e, b1f;
    byte b20, b21, b22, b23, b24, b25, b26, b27, b28, b29, b2a, b2b, b2c, b2d, b2e, b2f;
    byte b30, b31, b32, b33, b34, b35, b36, b37, b38, b39, b3a, b3b, b3c, b3d, b3e, b3f;
    byte b40, b41, b42, b43, b44, b45, b46, b47, b48, b49, b4a, b4b, b4c, b4d, b4e, b4f;
    byte b50, b51, b52, b53, b54, b55, b56, b57, b58, b59, b5a, b5b, b5c, b5d, b5e, b5f;
    byte b60, b61, b62, b63, b64, b65, b66, b67, b68, b69, b6a, b6b, b6c, b6d, b6e, b6f;
    byte b70, b71, b72, b73, b74, b75, b76, b77, b78, b79, b7a, b7b, b7c, b7d, b7e, b7f;
}

/** The owner's fields: written by it, read (and runnext taken) by thieves now and then. */
abstract class RunQueueOwnerFields extends RunQueuePadBeforeTail {
    /** The ring; a slot is written by the owner only, at {@code tail}. */
    final Runnable[] slots = new Runnable[RunQueue.CAPACITY];
    /** Where the owner adds next; written by the owner only, with release semantics. */
    volatile int tail;
    /**
     * The task to run before the ring, or null. Set by the owner only ({@code putNext}); taken
     * by CAS by the owner ({@code pollRunnext}), or by a thief that saw it sit there through its
     * grace ({@code stealRunnext}; sysmon's runnext watch wakes such thieves).
     */
    volatile Runnable runnext;
    /**
     * How many tasks the owner has put in {@code runnext}; written by the owner only, with
     * opaque stores. Two goroutines that ready each other put the same two tasks there in turn,
     * so a thief that finds the task it saw before its grace cannot tell from the slot alone
     * whether it sat there all along: this count tells.
     */
    int runnextPuts;
}

/** Keeps the owner's line off whatever the heap puts after the queue. */
abstract class RunQueuePadAfter extends RunQueueOwnerFields {
    byte c00, c01, c02, c03, c04, c05, c06, c07, c08, c09, c0a, c0b, c0c, c0d, c0e, c0f;
    byte c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c1a, c1b, c1c, c1d, c1e, c1f;
    byte c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c2a, c2b, c2c, c2d, c2e, c2f;
    byte c30, c31, c32, c33, c34, c35, c36, c37, c38, c39, c3a, c3b, c3c, c3d, c3e, c3f;
    byte c40, c41, c42, c43, c44, c45, c46, c47, c48, c49, c4a, c4b, c4c, c4d, c4e, c4f;
    byte c50, c51, c52, c53, c54, c55, c56, c57, c58, c59, c5a, c5b, c5c, c5d, c5e, c5f;
    byte c60, c61, c62, c63, c64, c65, c66, c67, c68, c69, c6a, c6b, c6c, c6d, c6e, c6f;
    byte c70, c71, c72, c73, c74, c75, c76, c77, c78, c79, c7a, c7b, c7c, c7d, c7e, c7f;
}

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
final class RunQueue extends RunQueuePadAfter {

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
            HEAD = lookup.findVarHandle(RunQueueHead.class, "head", int.class);
            TAIL = lookup.findVarHandle(RunQueueOwnerFields.class, "tail", int.class);
            RUNNEXT = lookup.findVarHandle(RunQueueOwnerFields.class, "runnext", Runnable.class);
            RUNNEXT_PUTS =
                    lookup.findVarHandle(RunQueueOwnerFields.class, "runnextPuts", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
                Object task = SLOTS.getOpaque(slots, (h + i) & MASK);
                SLOTS.setOpaque(into.slots, (intoTail + i - 1) & MASK, task);
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
