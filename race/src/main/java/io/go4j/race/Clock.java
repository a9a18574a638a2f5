package io.go4j.race;

import java.util.Arrays;

/**
 * Vector-clock arithmetic on {@code int[]}: entry {@code t} is the last time of thread (or
 * goroutine) number {@code t} that is known to happen-before; missing entries are zero. An epoch,
 * FastTrack's {@code c@t}, is packed in a long as {@code t << 32 | c}; 0 means "none".
 */
final class Clock {

    private Clock() {
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

    /** @return {@code vc[tid]}, zero past the end */
    static int get(int[] vc, int tid) {
        return tid < vc.length ? vc[tid] : 0;
    }

    /** @return true if the access at {@code epoch} happens-before a thread whose clock is {@code vc} */
    static boolean before(long epoch, int[] vc) {
        return time(epoch) <= get(vc, tid(epoch));
    }

    /** @return {@code into} joined with {@code from} (a new array when {@code into} was too short) */
    static int[] join(int[] into, int[] from) {
        if (from == null) {
            return into;
        }
        int[] r = into.length >= from.length ? into : Arrays.copyOf(into, from.length);
        for (int i = 0; i < from.length; i++) {
            if (from[i] > r[i]) {
                r[i] = from[i];
            }
        }
        return r;
    }

    /** @return {@code vc} with entry {@code tid} set to {@code time}, grown if needed */
    static int[] set(int[] vc, int tid, int time) {
        int[] r = tid < vc.length ? vc : Arrays.copyOf(vc, Math.max(tid + 1, vc.length * 2));
        r[tid] = time;
        return r;
    }
}
