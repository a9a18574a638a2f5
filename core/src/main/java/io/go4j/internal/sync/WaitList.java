package io.go4j.internal.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A FIFO of {@link WaitNode}s guarded by a tiny spin lock: the queue half of Go's runtime
 * semaphore ({@code runtime/sema.go}), without the permit counter, which each primitive keeps
 * in its own state word instead.
 *
 * <p>The lock is held only for a handful of pointer updates and never while anyone parks, so a
 * short spin, then yielding, is enough. Nodes may be added at either end (Go's LIFO re-queue of
 * a Mutex waiter that lost a race) and removed from the middle (a waiter that was interrupted).
 *
 * <p>Every method but {@link #lock()} requires the lock held, by this list or, where a primitive
 * says so, by a sibling list that guards both.
 */
public final class WaitList {

    private static final VarHandle HELD;

    static {
        try {
            HELD = MethodHandles.lookup().findVarHandle(WaitList.class, "held", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 1 while the lock is held, else 0. Guards the links below. */
    private volatile int held;
    private WaitNode head;
    private WaitNode tail;
    private int size;

    /** Takes the lock: one CAS when free, else spins briefly and then yields. */
    public void lock() {
        if (!HELD.compareAndSet(this, 0, 1)) {
            lockContended();
        }
    }

    private void lockContended() {
        for (int round = 0; ; round++) {
            if (held == 0 && HELD.compareAndSet(this, 0, 1)) {
                return;
            }
            Spin.lockBackoff(round, true);
        }
    }

    /** Releases the lock. */
    public void unlock() {
        HELD.setRelease(this, 0);
    }

    /** @return true if no node is queued */
    public boolean isEmpty() {
        return size == 0;
    }

    /** @return the number of queued nodes */
    public int size() {
        return size;
    }

    /** @return the oldest node, still queued, or null */
    public WaitNode peek() {
        return head;
    }

    /** Queues {@code n} behind every other node. */
    public void addLast(WaitNode n) {
        n.prev = tail;
        n.next = null;
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
        n.linked = true;
        size++;
    }

    /** Queues {@code n} ahead of every other node. */
    public void addFirst(WaitNode n) {
        n.next = head;
        n.prev = null;
        if (head == null) {
            tail = n;
        } else {
            head.prev = n;
        }
        head = n;
        n.linked = true;
        size++;
    }

    /** @return the oldest node, taken out of the list, or null */
    public WaitNode poll() {
        WaitNode n = head;
        if (n != null) {
            remove(n);
        }
        return n;
    }

    /**
     * Takes {@code n} out of the list if it is there.
     *
     * @return true if it was queued
     */
    public boolean remove(WaitNode n) {
        if (!n.linked) {
            return false;
        }
        if (n.prev == null) {
            head = n.next;
        } else {
            n.prev.next = n.next;
        }
        if (n.next == null) {
            tail = n.prev;
        } else {
            n.next.prev = n.prev;
        }
        n.prev = null;
        n.next = null;
        n.linked = false;
        size--;
        return true;
    }

    /**
     * Takes the oldest node out of the list, {@link WaitNode#grant grants} it, and puts it in
     * front of {@code chain}, a list of granted nodes to unpark once the lock is released.
     *
     * @param newState the state to grant
     * @param chain the granted nodes so far, or null
     * @return the new chain; {@code chain} itself if the list was empty
     */
    public WaitNode grantFirst(int newState, WaitNode chain) {
        WaitNode n = poll();
        if (n == null) {
            return chain;
        }
        n.grant(newState);
        n.next = chain;
        return n;
    }

    /**
     * Grants every queued node and empties the list.
     *
     * @param newState the state to grant
     * @return the granted nodes, to pass to {@link #unparkAll} once the lock is released
     */
    public WaitNode grantAll(int newState) {
        WaitNode chain = null;
        while (head != null) {
            chain = grantFirst(newState, chain);
        }
        return chain;
    }

    /**
     * Unparks the threads of a chain made by {@link #grantFirst} or {@link #grantAll}. No lock
     * needed: granted nodes are out of every list and their links no longer change.
     *
     * @param chain the granted nodes, or null
     */
    public static void unparkAll(WaitNode chain) {
        for (WaitNode n = chain; n != null; ) {
            WaitNode next = n.next;
            LockSupport.unpark(n.thread);
            n = next;
        }
    }
}
