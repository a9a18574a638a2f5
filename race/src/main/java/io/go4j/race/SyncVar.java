package io.go4j.race;

/**
 * The clocks of one synchronizing object (a channel, a mutex, a monitor, ...): what its releases
 * published so far. The second clock is RWMutex's readers'. A channel has besides one clock per
 * slot of its buffer and the counts of its sends and receives, as Go's race runtime keeps a clock
 * per {@code chanbuf} address. Guarded by its own monitor.
 */
final class SyncVar {

    /**
     * Slot clocks kept at most per channel: a channel of larger capacity shares each among the
     * slots equal modulo this, which orders more than Go does there and never reports falsely.
     */
    static final int MAX_SLOTS = 1024;

    final Clock clock = new Clock();
    final Clock readClock = new Clock();
    /** A channel's completed sends and receives: the next send's and receive's numbers. */
    long sent;
    long received;
    private Clock[] slots;

    /** @return the clock of the slot that the {@code k}-th value of the channel goes through */
    Clock slot(long k, int capacity) {
        if (slots == null) {
            slots = new Clock[Math.min(capacity, MAX_SLOTS)];
        }
        int i = (int) (k % capacity % slots.length);
        Clock c = slots[i];
        if (c == null) {
            c = new Clock();
            slots[i] = c;
        }
        return c;
    }
}
