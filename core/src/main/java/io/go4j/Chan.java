package io.go4j;

import io.go4j.internal.race.Race;
import io.go4j.internal.runtime.ChanTimer;
import io.go4j.internal.runtime.RingBuffer;
import io.go4j.internal.runtime.SharedSecrets;
import io.go4j.internal.runtime.SpinLock;
import io.go4j.internal.runtime.Sudog;
import io.go4j.internal.runtime.WaitQueue;
import io.go4j.internal.runtime.WaitReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A Go channel: {@code make(chan T)} or {@code make(chan T, n)}.
 *
 * <p>Values are sent and received in FIFO order; blocked senders and receivers are served in
 * FIFO order too. An unbuffered channel hands each value directly from a sender to a receiver;
 * a buffered one holds up to {@link #cap()} values. {@code null} is a legal value. Every
 * operation follows the Go memory model: a send happens-before the receive that gets its value
 * completes, a close happens-before a receive that sees the channel closed, and the k-th receive
 * from a channel of capacity C happens-before the (k+C)-th send completes.
 *
 * @param <T> the type of the values
 */
public final class Chan<T> implements SendChan<T>, RecvChan<T> {

    /*
     * Implementation notes: Algorithm (Go's {@code runtime/chan.go}).
     *
     * A small lock guards the buffer, the two wait queues and the closed flag; nobody ever blocks
     * while holding it. A send first looks for a waiting receiver and, if one is there, writes the
     * value straight into that receiver's {@link Sudog} and wakes it (direct hand-off, no trip
     * through the buffer); otherwise it puts the value in the buffer if there is room, and
     * otherwise queues itself and parks. A receive mirrors it: it takes the oldest buffered value
     * (moving a waiting sender's value into the freed slot, so buffer order stays FIFO), or takes a
     * value straight from a waiting sender, or queues itself and parks. A waiter in a queue may
     * belong to a select that already fired on another channel, or to a thread that was
     * interrupted: readying it then fails, and the operation moves on to the next waiter. Close
     * marks the channel and wakes every waiter: receivers get {@code (null, false)}, senders throw.
     */

    static final String SEND_ON_CLOSED = "send on closed channel";
    static final String CLOSE_OF_CLOSED = "close of closed channel";

    /** What {@link #pollLocked()} returns when the channel is closed and drained. */
    static final Object CLOSED = new Object();
    /** What {@link #pollLocked()} returns when nothing can be received now. */
    static final Object NOT_READY = new Object();

    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle ID;

    static {
        try {
            ID = MethodHandles.lookup().findVarHandle(Chan.class, "id", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        SharedSecrets.installTimerChanFactory(timer -> new Chan<>(1, timer));
    }

    /**
     * Orders channels for {@link Select}, which locks several channels in this order; 0 until a
     * select first asks ({@link #id()}). Most channels never need one, and taking one from the
     * global counter is an atomic instruction, which right after the allocation of a channel (every
     * {@code Time.after}) waits for the stores that zeroed it. Set once, by CAS.
     */
    private volatile long id;
    private final int capacity;
    /**
     * The timer that alone sends on this channel (Go's {@code c.timer}), or null for an ordinary
     * channel. A receive tells it when it polls and when it blocks; see {@link ChanTimer}.
     */
    final ChanTimer timer;

    /**
     * Guards every field below. Held only by a running thread that moves a few references: a
     * select locking several channels takes the later ones with
     * {@link SpinLock#lockHoldingOthers()}, and tries ({@link SpinLock#tryLock()}) those that
     * come earlier in its lock order.
     */
    final SpinLock lock = new SpinLock();
    /** Null for an unbuffered channel. Non-empty only when no receiver waits. */
    private final RingBuffer buffer;
    /** Non-empty only when no value is buffered (nothing for them to take). */
    private final WaitQueue receivers = new WaitQueue();
    /** Non-empty only when the buffer is full (or the channel unbuffered) and the channel open. */
    private final WaitQueue senders = new WaitQueue();
    private boolean closed;
    /** A thread that the holder of the lock must unpark once it has released the lock. */
    private Thread wakeup;

    private Chan(int capacity) {
        this(capacity, null);
    }

    private Chan(int capacity, ChanTimer timer) {
        this.capacity = capacity;
        this.buffer = capacity == 0 ? null : new RingBuffer(capacity);
        this.timer = timer;
    }

    /**
     * Makes an unbuffered channel: Go's {@code make(chan T)}.
     *
     * @param <T> the type of the values
     * @return a new open channel of capacity 0
     */
    public static <T> Chan<T> make() {
        return new Chan<>(0);
    }

    /**
     * Makes a channel with a buffer: Go's {@code make(chan T, capacity)}. The buffer grows as it
     * fills, so a huge capacity costs nothing up front.
     *
     * @param <T> the type of the values
     * @param capacity how many values it buffers; 0 makes an unbuffered channel
     * @return a new open channel
     * @throws IllegalArgumentException with Go's message {@code makechan: size out of range}
     *     if {@code capacity} is negative
     */
    public static <T> Chan<T> make(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("makechan: size out of range");
        }
        return new Chan<>(capacity);
    }

    @Override
    public void send(T value) {
        lock.lock();
        if (closed) {
            lock.unlock();
            throw new ChanClosedException(SEND_ON_CLOSED);
        }
        if (offerLocked(value)) {
            unlockAndWake();
            return;
        }
        Sudog self = new Sudog(value);
        senders.add(self);
        lock.unlock();
        if (self.await(this, WaitReason.CHAN_SEND) == Sudog.WAITING && self.cancel()) {
            dequeue(self, true);
            throw new GoInterruptedException();
        }
        if (self.closed) {
            throw new ChanClosedException(SEND_ON_CLOSED);
        }
        if (Race.ENABLED) {
            acquireHandOff(self);
        }
    }

    @Override
    public boolean trySend(T value) {
        lock.lock();
        if (closed) {
            lock.unlock();
            throw new ChanClosedException(SEND_ON_CLOSED);
        }
        boolean sent = offerLocked(value);
        unlockAndWake();
        return sent;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T receive() {
        Object v = receiveValue();
        return v == CLOSED ? null : (T) v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Received<T> receiveOk() {
        Object v = receiveValue();
        return v == CLOSED ? Received.closed() : new Received<>((T) v, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Received<T> tryReceive() {
        if (timer != null) {
            timer.maybeRun();
        }
        lock.lock();
        Object v = pollLocked();
        unlockAndWake();
        if (v == NOT_READY) {
            return null;
        }
        return v == CLOSED ? Received.closed() : new Received<>((T) v, true);
    }

    /** Receives a value, or returns {@link #CLOSED}. */
    private Object receiveValue() {
        if (timer != null) {
            timer.maybeRun();
        }
        lock.lock();
        Object v = pollLocked();
        if (v != NOT_READY) {
            unlockAndWake();
            return v;
        }
        Sudog self = new Sudog(null);
        receivers.add(self);
        lock.unlock();
        int outcome = timer == null
                ? self.await(this, WaitReason.CHAN_RECEIVE)
                : self.await(this, WaitReason.CHAN_RECEIVE, timer);
        if (outcome == Sudog.WAITING && self.cancel()) {
            dequeue(self, false);
            throw new GoInterruptedException();
        }
        if (Race.ENABLED) {
            acquireHandOff(self);
        }
        return self.closed ? CLOSED : self.item;
    }

    @Override
    public void close() {
        if (Race.ENABLED) {
            Race.release(this);
        }
        List<Sudog> woken = new ArrayList<>();
        lock.lock();
        if (closed) {
            lock.unlock();
            throw new ChanClosedException(CLOSE_OF_CLOSED);
        }
        closed = true;
        for (Sudog w; (w = receivers.poll()) != null; ) {
            w.item = null;
            w.closed = true;
            if (w.ready(w.caseIndex)) {
                woken.add(w);
            }
        }
        for (Sudog w; (w = senders.poll()) != null; ) {
            w.closed = true;
            if (w.ready(w.caseIndex)) {
                woken.add(w);
            }
        }
        lock.unlock();
        for (Sudog w : woken) {
            WaitQueue.wake(w);
        }
    }

    /**
     * Returns how many values are buffered: Go's {@code len(c)}. A timer's channel says 0, as in
     * Go 1.23, whose timer channels are synchronous: a value the timer has sent but nobody
     * received is not visible to {@code len}.
     *
     * @return the number of values in the buffer
     */
    @Override
    public int len() {
        if (buffer == null || timer != null) {
            return 0;
        }
        lock.lock();
        int n = buffer.size();
        lock.unlock();
        return n;
    }

    /**
     * Returns the capacity of the buffer: Go's {@code cap(c)}; 0 for a timer's channel, as in
     * Go 1.23.
     *
     * @return the capacity
     */
    @Override
    public int cap() {
        return timer != null ? 0 : capacity;
    }

    /**
     * Returns an iterator that receives until the channel is closed and drained: Go's
     * {@code for v := range c}. {@code hasNext()} blocks until a value arrives or the channel
     * closes.
     *
     * @return a receiving iterator
     * @throws GoInterruptedException from {@code hasNext()} if interrupted while waiting
     */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Object next = NOT_READY;

            @Override
            public boolean hasNext() {
                if (next == NOT_READY) {
                    next = receiveValue();
                }
                return next != CLOSED;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("channel closed");
                }
                T v = (T) next;
                next = NOT_READY;
                return v;
            }
        };
    }

    /**
     * Describes the channel as Go's {@code %v} would not, but usefully for debugging.
     *
     * @return for example {@code chan(cap=16, len=3)#42}
     */
    @Override
    public String toString() {
        return "chan(cap=" + capacity + ", len=" + len() + ")#" + id();
    }

    // ---- the locked core, shared with Select ----

    /** Returns this channel's place in the order in which selects lock channels, at least 1. */
    long id() {
        long i = id;
        return i != 0 ? i : assignId();
    }

    private long assignId() {
        long fresh = IDS.incrementAndGet();
        return ID.compareAndSet(this, 0L, fresh) ? fresh : id;
    }

    /** Releases the lock, then unparks the thread that the locked operation handed off to. */
    void unlockAndWake() {
        Thread t = takeWakeup();
        lock.unlock();
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Lock held: returns and forgets the thread to unpark after unlocking, or null. */
    Thread takeWakeup() {
        Thread t = wakeup;
        wakeup = null;
        return t;
    }

    /** Lock held. */
    boolean isClosedLocked() {
        return closed;
    }

    /**
     * Lock held, channel open: delivers {@code value} to the first receiver still waiting, or to
     * the buffer if it has room.
     *
     * @return false if the send would have to wait
     */
    boolean offerLocked(Object value) {
        for (Sudog r; (r = receivers.poll()) != null; ) {
            r.item = value;
            if (r.ready(r.caseIndex)) {
                wakeup = r.threadToWake();
                if (Race.ENABLED) {
                    Race.chanSend(this, capacity, r.thread);
                }
                return true;
            }
        }
        if (buffer != null && !buffer.isFull()) {
            buffer.add(value);
            if (Race.ENABLED) {
                Race.chanSend(this, capacity, null);
            }
            return true;
        }
        return false;
    }

    /**
     * Lock held: takes the oldest buffered value (refilling the buffer from the first waiting
     * sender), or the value of the first waiting sender.
     *
     * @return the value, {@link #CLOSED} if closed and drained, or {@link #NOT_READY}
     */
    Object pollLocked() {
        if (buffer != null && !buffer.isEmpty()) {
            Object v = buffer.poll();
            if (Race.ENABLED) {
                Race.chanReceive(this, capacity, null);
            }
            Sudog s = readySender();
            if (s != null) {
                buffer.add(s.item);
                if (Race.ENABLED) {
                    Race.chanRefill(this, capacity, s.thread);
                }
            }
            return v;
        }
        Sudog s = readySender();
        if (s != null) {
            if (Race.ENABLED) {
                Race.chanReceive(this, capacity, s.thread);
            }
            return s.item;
        }
        if (closed) {
            if (Race.ENABLED) {
                Race.acquire(this);
            }
            return CLOSED;
        }
        return NOT_READY;
    }

    /**
     * For the race detector: a sudog of this channel was readied, its operation done by the
     * readier, who told the detector under this lock, on the waiter's thread's behalf. The woken
     * thread goes on once the lock is free, so never before that; closed, it takes what the
     * closer published.
     */
    void acquireHandOff(Sudog w) {
        lock.lock();
        if (w.closed) {
            Race.acquire(this);
        }
        lock.unlock();
    }

    private Sudog readySender() {
        for (Sudog s; (s = senders.poll()) != null; ) {
            if (s.ready(s.caseIndex)) {
                wakeup = s.threadToWake();
                return s;
            }
        }
        return null;
    }

    /** Lock held: queues a select's waiter on the side of the channel its case uses. */
    void enqueueLocked(Sudog w, boolean sending) {
        (sending ? senders : receivers).add(w);
    }

    /** Takes a waiter out of its queue if it is still there (it fired elsewhere, or gave up). */
    void dequeue(Sudog w, boolean sending) {
        lock.lock();
        (sending ? senders : receivers).remove(w);
        lock.unlock();
    }
}
