package io.go4j.internal.race;

/**
 * Where go4j tells the race detector about the happens-before edges its primitives create.
 *
 * <p>Every call site reads {@code if (Race.ENABLED) Race.acquire(x);}: without the detector
 * {@link #ENABLED} is a constant false and the JIT drops the call. The detector
 * ({@code go4j-race}, a Java agent) sets the system property {@code go4j.race} before any go4j
 * class loads and, when it sees this class load, rewrites the bodies of the methods below so
 * that each calls the detector's method of the same name and signature. The bodies here are
 * therefore empty on purpose: the agent is not a dependency of go4j, and nothing of go4j's API
 * is exported for it.
 *
 * <p>The edges follow Go's race runtime: a {@code release} merges the caller's vector clock into
 * the clock of {@code sync}; an {@code acquire} merges that clock into the caller's. The "read"
 * variants use a second clock of the same object, for RWMutex's readers.
 */
public final class Race {

    /** True when the race detector is loaded: the system property {@code go4j.race} is true. */
    public static final boolean ENABLED = Boolean.getBoolean("go4j.race");

    private Race() {
    }

    /**
     * The calling thread starts {@code child}: everything it did so far happens-before the child
     * runs. Called before {@code child.start()}.
     *
     * @param child the new goroutine's thread, not yet started
     */
    public static void go(Thread child) {
    }

    /**
     * Everything the caller did so far happens-before a later {@link #acquire} of {@code sync}.
     *
     * @param sync the synchronizing object (a channel, a mutex, ...); null is ignored
     */
    public static void release(Object sync) {
    }

    /**
     * The caller now happens-after every {@link #release} of {@code sync} done so far.
     *
     * @param sync the synchronizing object; null is ignored
     */
    public static void acquire(Object sync) {
    }

    /**
     * Under the channel's lock: the caller's send completed, into the buffer or, when
     * {@code parked} is not null, straight to that parked receiver. Go's rules: the send happens
     * before the receive of its value completes; the k-th receive happens before the (k+C)-th
     * send completes (C the capacity; for C = 0, before the k-th send completes).
     *
     * @param chan the channel
     * @param capacity its capacity
     * @param parked the thread of the receiver's waiter, or null; the detector does its part on
     *     its behalf, and it goes on only after taking the channel's lock once woken
     */
    public static void chanSend(Object chan, int capacity, Thread parked) {
    }

    /**
     * Under the channel's lock: the caller received, from the buffer or, when {@code parked} is
     * not null, from that parked sender (an unbuffered channel); see {@link #chanSend}.
     *
     * @param chan the channel
     * @param capacity its capacity
     * @param parked the thread of the sender's waiter, or null
     */
    public static void chanReceive(Object chan, int capacity, Thread parked) {
    }

    /**
     * Under the channel's lock, just after {@link #chanReceive} from a full buffer: the value of
     * the parked sender {@code parked} took the freed slot, its send completing now.
     *
     * @param chan the channel
     * @param capacity its capacity
     * @param parked the thread of the sender's waiter
     */
    public static void chanRefill(Object chan, int capacity, Thread parked) {
    }

    /**
     * As {@link #release}, into the second clock of {@code sync} (RWMutex.rUnlock).
     *
     * @param sync the synchronizing object
     */
    public static void releaseRead(Object sync) {
    }

    /**
     * As {@link #acquire}, from the second clock of {@code sync} (RWMutex.lock).
     *
     * @param sync the synchronizing object
     */
    public static void acquireRead(Object sync) {
    }
}
