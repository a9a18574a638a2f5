package io.go4j.internal.runtime;

/**
 * The FIFO buffer of a buffered channel: Go's {@code hchan.buf}.
 *
 * <p>A circular array that starts small and doubles up to the channel's capacity, so that
 * {@code make(chan T, math.MaxInt32)} costs no more than a small channel until it fills.
 * Not thread-safe: the owning channel's lock guards every call.
 */
public final class RingBuffer {

    private static final int INITIAL_LENGTH = 16;

    private final int capacity;
    /** Slots {@code head .. head+count-1} (mod length) hold values; every other slot is null. */
    private Object[] items;
    private int head;
    private int count;

    /**
     * Creates an empty buffer.
     *
     * @param capacity the most values it will hold, at least 1
     */
    public RingBuffer(int capacity) {
        this.capacity = capacity;
        this.items = new Object[Math.min(capacity, INITIAL_LENGTH)];
    }

    /** Returns whether no value is buffered. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** Returns whether the buffer holds its capacity. */
    public boolean isFull() {
        return count == capacity;
    }

    /** Returns the number of values buffered. */
    public int size() {
        return count;
    }

    /** Appends a value; the caller has checked that the buffer is not full. */
    public void add(Object value) {
        if (count == items.length) {
            grow();
        }
        int tail = head + count;
        if (tail >= items.length) {
            tail -= items.length;
        }
        items[tail] = value;
        count++;
    }

    /**
     * Removes and returns the oldest value; the caller has checked that the buffer is not empty.
     */
    public Object poll() {
        Object value = items[head];
        items[head] = null;
        if (++head == items.length) {
            head = 0;
        }
        count--;
        return value;
    }

    private void grow() {
        int length = (int) Math.min((long) items.length * 2, capacity);
        Object[] grown = new Object[length];
        int firstPart = Math.min(count, items.length - head);
        System.arraycopy(items, head, grown, 0, firstPart);
        System.arraycopy(items, 0, grown, firstPart, count - firstPart);
        items = grown;
        head = 0;
    }
}
