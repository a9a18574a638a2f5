package io.go4j.race;

import java.util.Arrays;

/**
 * A vector clock, sparse: the threads it knows, in increasing order of number, each with the last
 * time of that thread known to happen-before. Threads it does not list are at time zero. Sparse
 * because go4j programs start goroutines by the hundred thousand and most know few of the others:
 * a dense clock per goroutine would cost the square of their number.
 *
 * <p>An epoch, FastTrack's {@code c@t}, is packed in a long as {@code t << 32 | c}; 0 means
 * "none". Not thread-safe: a clock belongs to one thread or is guarded by its owner's monitor.
 */
final class Clock {

    private int[] tids;
    private int[] times;
    private int size;

    Clock() {
        tids = new int[4];
        times = new int[4];
    }

    private Clock(Clock other) {
        tids = Arrays.copyOf(other.tids, Math.max(4, other.size));
        times = Arrays.copyOf(other.times, Math.max(4, other.size));
        size = other.size;
    }

    static long epoch(int tid, int time) {
        return (long) tid << 32 | (time & 0xFFFF_FFFFL);
    }

    static int tid(long epoch) {
        return (int) (epoch >>> 32);
    }

    static int time(long epoch) {
        return (int) epoch;
    }

    Clock copy() {
        return new Clock(this);
    }

    int size() {
        return size;
    }

    /** @return the number of the {@code i}-th thread listed */
    int tidAt(int i) {
        return tids[i];
    }

    /** @return the time of the {@code i}-th thread listed */
    int timeAt(int i) {
        return times[i];
    }

    /** @return the time known of thread {@code tid}; zero if none */
    int get(int tid) {
        int i = Arrays.binarySearch(tids, 0, size, tid);
        return i >= 0 ? times[i] : 0;
    }

    /** Sets the time of thread {@code tid}. */
    void set(int tid, int time) {
        int i = Arrays.binarySearch(tids, 0, size, tid);
        if (i >= 0) {
            times[i] = time;
            return;
        }
        i = -i - 1;
        if (size == tids.length) {
            tids = Arrays.copyOf(tids, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        System.arraycopy(tids, i, tids, i + 1, size - i);
        System.arraycopy(times, i, times, i + 1, size - i);
        tids[i] = tid;
        times[i] = time;
        size++;
    }

    /** Raises the time of thread {@code tid} to at least {@code time}. */
    void max(int tid, int time) {
        if (get(tid) < time) {
            set(tid, time);
        }
    }

    /**
     * This clock becomes the pointwise maximum of itself and {@code other}: in place when it
     * lists every thread that {@code other} lists (the usual case once two threads have met),
     * else merged into new arrays.
     */
    void join(Clock other) {
        if (other == null || other.size == 0) {
            return;
        }
        int i = 0;
        int j = 0;
        for (; j < other.size; j++, i++) {
            int u = other.tids[j];
            while (i < size && tids[i] < u) {
                i++;
            }
            if (i == size || tids[i] != u) {
                break;
            }
            times[i] = Math.max(times[i], other.times[j]);
        }
        if (j == other.size) {
            return;
        }
        merge(other);
    }

    private void merge(Clock other) {
        int[] t = new int[size + other.size];
        int[] c = new int[t.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < size || j < other.size) {
            if (j == other.size || (i < size && tids[i] < other.tids[j])) {
                t[n] = tids[i];
                c[n++] = times[i++];
            } else if (i == size || other.tids[j] < tids[i]) {
                t[n] = other.tids[j];
                c[n++] = other.times[j++];
            } else {
                t[n] = tids[i];
                c[n++] = Math.max(times[i++], other.times[j++]);
            }
        }
        tids = t;
        times = c;
        size = n;
    }
}
