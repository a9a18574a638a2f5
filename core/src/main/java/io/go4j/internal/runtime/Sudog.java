package io.go4j.internal.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A thread blocked on a channel, in a select, or in a {@code io.go4j.sync} primitive: Go's
 * {@code sudog}, which {@code chan.go} and {@code sema.go} share as go4j's channels and sync
 * types share this class.
 *
 * <p>A plain send or receive, and a sync waiter, queue one sudog. A blocking select queues one
 * per case in the queues of all its channels; they share an {@link #owner}, and the owner's
 * state records which case fired.
 *
 * <h2>Protocol</h2>
 * A sudog is linked in at most one {@link WaitQueue}, guarded by a lock: its channel's, or its
 * sync primitive's. Whoever takes it out of the queue to wake it (a counterpart, a closer, an
 * unlocker, a releaser) is the only one who writes its {@link #item} and {@link #closed} fields,
 * and does so <em>before</em> {@link #ready(int)}: that is a CAS of the owner's volatile state,
 * so the owner, which reads that state, sees those writes. The owner's state goes once from
 * {@link #WAITING} either to an outcome (the index of the select case that fired, or what a sync
 * primitive granted) or to {@link #CANCELLED} ({@link #cancel()}, by the owner, interrupted).
 * Exactly one of them wins, which is what makes a select fire exactly one case, an interrupted
 * operation have no effect, and a grant never be lost. The sync primitives readying and
 * cancelling only under their queue's lock, a readier there always wins.
 */
public final class Sudog {

    /** Owner state while nobody has readied or cancelled it. */
    public static final int WAITING = -1;
    /** Owner state once the owner gave up because it was interrupted. */
    public static final int CANCELLED = -2;
    /** Sync outcome: the waiter got what it waited for (the lock, its permits, a signal). */
    public static final int GRANTED = 0;
    /** Sync outcome: woken to compete for a mutex, or by a context, with nothing granted. */
    public static final int WOKEN = 1;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Sudog.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The blocked thread. */
    public final Thread thread;
    /** The sudog whose state decides the operation: this one, or a select's shared owner. */
    public final Sudog owner;
    /** The select case this sudog stands for; 0 for a plain channel operation. */
    public final int caseIndex;

    /** A sender's value, or the value handed to a receiver. */
    public Object item;
    /** Set when the channel was closed under this sudog. */
    public boolean closed;
    /** A semaphore waiter's weight (Go's {@code waiter.n}); set before it is queued. */
    public long weight;
    /** {@link System#nanoTime()} when a mutex waiter first queued (Go's {@code waitStartTime}). */
    public long since;

    /**
     * Owner only: {@link #WAITING}, {@link #CANCELLED}, or the outcome. The constructor sets it
     * with a plain write: a volatile one costs a full fence per sudog, and a sudog reaches other
     * threads only through a queue, under a lock whose release publishes it.
     */
    private volatile int state;
    /**
     * Owner only: set once the owner stops spinning and may park. The owner writes it before
     * its last look at {@code state}, a readier reads it after writing {@code state} (both
     * volatile), so a readier that sees it clear knows the owner will see the outcome without
     * being unparked.
     */
    private volatile boolean parking;

    Sudog prev;
    Sudog next;
    boolean queued;

    /** Creates the sudog of a sync waiter, its own owner. */
    public Sudog() {
        this(null);
    }

    /**
     * Creates the sudog of a plain send or receive, its own owner.
     *
     * @param item the value to send, or null for a receive
     */
    public Sudog(Object item) {
        this(item, null, 0);
    }

    /**
     * Creates the sudog of one case of a select.
     *
     * @param item the value to send, or null for a receive case
     * @param owner the select's owner, or null to make this sudog the owner
     * @param caseIndex the index of the case
     */
    public Sudog(Object item, Sudog owner, int caseIndex) {
        this.thread = Thread.currentThread();
        this.owner = owner == null ? this : owner;
        this.caseIndex = caseIndex;
        this.item = item;
        STATE.set(this, WAITING);
    }

    /**
     * Gives the owner its outcome (Go's {@code goready} after a {@code dequeue}). Called with
     * the queue's lock held, after this sudog was taken out of the queue and its fields written.
     *
     * @param outcome the case index (channels: {@link #caseIndex}), or {@link #GRANTED} or
     *     {@link #WOKEN}
     * @return true if the caller won and must wake {@link #threadToWake()}; false if the owner
     *     was already readied through another case, or cancelled
     */
    public boolean ready(int outcome) {
        return STATE.compareAndSet(owner, WAITING, outcome);
    }

    /**
     * After a successful {@link #ready}: the thread the readier must unpark once it released
     * its lock, or null if the owner is still spinning and will see its outcome by itself.
     */
    public Thread threadToWake() {
        return owner.parking ? thread : null;
    }

    /** Owner only: the outcome, {@link #CANCELLED}, or {@link #WAITING}. */
    public int state() {
        return state;
    }

    /**
     * Owner only, after an {@link #await} that returned {@link #WAITING}: gives up, unless it
     * was readied meanwhile. Sync primitives call it under their queue's lock.
     *
     * @return true if cancelled (the caller takes its sudogs out of their queues and reports the
     *     interrupt); false if readied first ({@link #state()} holds the outcome)
     */
    public boolean cancel() {
        return STATE.compareAndSet(this, WAITING, CANCELLED);
    }

    /**
     * Owner only: waits until readied, spinning first where {@link Spin} allows (the outcome
     * often comes within a microsecond, sooner than a park and unpark take), or until the thread
     * is interrupted.
     *
     * @param blocker what the thread is blocked on, for thread dumps
     * @param reason what the owner waits for, for goroutine dumps and deadlock detection
     * @return the outcome, or {@link #WAITING} if interrupted first (then {@link #cancel()})
     */
    public int await(Object blocker, WaitReason reason) {
        return spin() ? state : park(blocker, reason);
    }

    /**
     * Owner only: {@link #await(Object, WaitReason)} for an owner that receives from timer
     * channels. Their timers go into the heap only once the owner is about to park (Go's
     * {@code blockTimerChan}), so a counterpart that arrives while it spins costs the heap
     * nothing, and leave it as soon as the owner stops waiting ({@code unblockTimerChan}).
     *
     * @param blocker what the thread is blocked on, for thread dumps
     * @param reason what the owner waits for, for goroutine dumps and deadlock detection
     * @param timers the timers of the timer channels it waits on, one per queued case
     * @return the outcome, or {@link #WAITING} if interrupted first
     */
    public int await(Object blocker, WaitReason reason, ChanTimer... timers) {
        if (spin()) {
            return state;
        }
        for (ChanTimer t : timers) {
            t.block();
        }
        int outcome = park(blocker, reason);
        for (ChanTimer t : timers) {
            t.unblock();
        }
        return outcome;
    }

    /** @return true if readied while spinning; false if the owner must go on to {@link #park} */
    private boolean spin() {
        for (int round = 0; Spin.enter(round); round++) {
            for (int i = 0; i < Spin.PAUSES && state == WAITING; i++) {
                Thread.onSpinWait();
            }
            Spin.exit();
            if (state != WAITING) {
                return true;
            }
        }
        return false;
    }

    private boolean readied() {
        return state != WAITING;
    }

    private int park(Object blocker, WaitReason reason) {
        parking = true;
        if (state == WAITING) {
            Goroutines.parkUntil(blocker, reason, this::readied);
        }
        return state;
    }

    /**
     * Owner only, for a select with no case that can ever fire: blocks until interrupted.
     *
     * @param reason {@link WaitReason#SELECT_NO_CASES} for Go's {@code select {}}, else
     *     {@link WaitReason#SELECT} (cases on nil channels only), as Go's dumps tell them apart
     */
    public static void awaitInterrupt(WaitReason reason) {
        Goroutines.parkUntil(Sudog.class, reason, () -> false);
    }
}
