package io.go4j.internal.chan;

/**
 * The FIFO queue of threads blocked on one side of a channel: Go's {@code waitq}.
 *
 * <p>A doubly linked list, so that a select that fired elsewhere, or an interrupted waiter,
 * leaves the queue in constant time. Not thread-safe: the owning channel's lock guards every
 * call.
 */
public final class WaitQueue {

    private Waiter first;
    private Waiter last;

    /** Appends a waiter. */
    public void add(Waiter w) {
        w.prev = last;
        w.next = null;
        if (last == null) {
            first = w;
        } else {
            last.next = w;
        }
        last = w;
        w.queued = true;
    }

    /** Removes and returns the oldest waiter, or null if none waits. */
    public Waiter poll() {
        Waiter w = first;
        if (w != null) {
            unlink(w);
        }
        return w;
    }

    /** Removes a waiter if it is still in this queue. */
    public void remove(Waiter w) {
        if (w.queued) {
            unlink(w);
        }
    }

    private void unlink(Waiter w) {
        Waiter prev = w.prev;
        Waiter next = w.next;
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
        w.prev = null;
        w.next = null;
        w.queued = false;
    }
}
