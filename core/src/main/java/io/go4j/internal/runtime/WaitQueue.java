package io.go4j.internal.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * A FIFO of {@link Sudog}s: Go's {@code waitq}, one per side of a channel, and the queue of
 * Go's {@code semaRoot}, one per sync primitive (whose permit count each primitive keeps in its
 * own state word).
 *
 * <p>A doubly linked list, so that a select that fired elsewhere, or an interrupted waiter,
 * leaves in constant time. Sudogs may also be added at the front (Go's LIFO re-queue of a
 * mutex waiter that lost a race). Not thread-safe: the owner's {@link SpinLock} guards every
 * call but {@link #unparkAll}.
 */
public final class WaitQueue {

    private Sudog first;
    private Sudog last;
    private int size;

    /** @return true if no sudog is queued */
    public boolean isEmpty() {
        return first == null;
    }

    /** @return the number of queued sudogs */
    public int size() {
        return size;
    }

    /** @return the oldest sudog, still queued, or null */
    public Sudog peek() {
        return first;
    }

    /** Queues {@code s} behind every other sudog. */
    public void add(Sudog s) {
        s.prev = last;
        s.next = null;
        if (last == null) {
            first = s;
        } else {
            last.next = s;
        }
        last = s;
        linked(s);
    }

    /** Queues {@code s} ahead of every other sudog. */
    public void addFirst(Sudog s) {
        s.next = first;
        s.prev = null;
        if (first == null) {
            last = s;
        } else {
            first.prev = s;
        }
        first = s;
        linked(s);
    }

    private void linked(Sudog s) {
        s.queued = true;
        size++;
    }

    /** @return the oldest sudog, taken out of the queue, or null */
    public Sudog poll() {
        Sudog s = first;
        if (s != null) {
            unlink(s);
        }
        return s;
    }

    /**
     * Takes {@code s} out of the queue if it is there.
     *
     * @return true if it was queued
     */
    public boolean remove(Sudog s) {
        if (!s.queued) {
            return false;
        }
        unlink(s);
        return true;
    }

    private void unlink(Sudog s) {
        Sudog prev = s.prev;
        Sudog next = s.next;
        if (prev == null) {
            first = next;
        } else {
            prev.next = next;
        }
        if (next == null) {
            last = prev;
        } else {
            next.prev = prev;
        }
        s.prev = null;
        s.next = null;
        s.queued = false;
        size--;
    }

    /**
     * Sync primitives: takes the oldest sudog out, {@linkplain Sudog#ready readies} it with
     * {@code outcome}, and puts it in front of {@code chain}, a list of readied sudogs to
     * {@linkplain #unparkAll unpark} once the lock is released.
     *
     * @param outcome {@link Sudog#GRANTED} or {@link Sudog#WOKEN}
     * @param chain the readied sudogs so far, or null
     * @return the new chain; {@code chain} itself if the queue was empty
     */
    public Sudog readyFirst(int outcome, Sudog chain) {
        Sudog s = poll();
        if (s == null) {
            return chain;
        }
        s.ready(outcome);
        s.next = chain;
        return s;
    }

    /**
     * Sync primitives: readies every queued sudog and empties the queue.
     *
     * @param outcome {@link Sudog#GRANTED} or {@link Sudog#WOKEN}
     * @return the readied sudogs, to pass to {@link #unparkAll} once the lock is released
     */
    public Sudog readyAll(int outcome) {
        Sudog chain = null;
        while (first != null) {
            chain = readyFirst(outcome, chain);
        }
        return chain;
    }

    /**
     * Unparks the threads of a chain made by {@link #readyFirst} or {@link #readyAll} that
     * parked. No lock needed: readied sudogs are out of every queue and their links no longer
     * change.
     *
     * @param chain the readied sudogs, or null
     */
    public static void unparkAll(Sudog chain) {
        for (Sudog s = chain; s != null; ) {
            Sudog next = s.next;
            wake(s);
            s = next;
        }
    }

    /** Unparks the thread of a readied sudog, if it parked. */
    public static void wake(Sudog s) {
        Thread t = s.threadToWake();
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
