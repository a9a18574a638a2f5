package io.go4j.internal.chan;

import io.go4j.internal.runtime.Goroutines;
import io.go4j.internal.runtime.WaitReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread blocked on a channel: Go's {@code sudog}.
 *
 * <p>A plain send or receive that must wait puts one waiter in the channel's queue. A blocking
 * select puts one waiter per case in the queues of all its channels; they share an
 * {@link #owner}, and the owner's {@code state} records which case fired.
 *
 * <h2>Protocol</h2>
 * A waiter is linked in exactly one {@link WaitQueue}, guarded by its channel's lock. Whoever
 * takes it out of the queue (a counterpart, a closer, or the owner cleaning up) is the only one
 * who writes its {@link #item} and {@link #closed} fields, and does so <em>before</em>
 * {@link #claim()}ing it: the claim is a volatile CAS on the owner's state, so the owner, which
 * reads that state, sees those writes. The owner's state goes once from {@link #WAITING} either
 * to the index of the case that fired (a claim by a counterpart or a closer) or to
 * {@link #CANCELLED} (the owner itself, when interrupted). Exactly one of them wins, which is
 * what makes a select fire exactly one case and an interrupted operation have no effect.
 */
public final class Waiter {

    /** Owner state while nobody has claimed it. */
    public static final int WAITING = -1;
    /** Owner state once the owner gave up because it was interrupted. */
    public static final int CANCELLED = -2;

    /**
     * How many platform threads may spin at once: never more than there are cores to run them.
     * In a stream between two threads, each side is briefly a waiter in turn; if the second one
     * to wait were refused a spin because the first has not left its loop yet, it would park,
     * and every hand-off would then cost a park and an unpark (measured: 9x slower on 2 cores).
     * Goroutines are not counted: a spinning goroutine holds its carrier, so no more of them spin
     * than there are carriers, and counting them would cost every blocking operation two atomic
     * updates of a cache line shared by all cores.
     */
    private static final int MAX_SPINNERS = Runtime.getRuntime().availableProcessors();
    /**
     * About 4 µs of {@link Thread#onSpinWait()}: long enough for a counterpart running on another
     * core to arrive, short enough to cost little when the counterpart is queued behind the
     * spinner on the same carrier.
     */
    private static final int SPIN_ITERATIONS = 1 << 7;
    private static final AtomicInteger SPINNERS = new AtomicInteger();

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The blocked thread. */
    public final Thread thread;
    /** The waiter whose state decides the operation: this one, or a select's shared owner. */
    public final Waiter owner;
    /** The select case this waiter stands for; 0 for a plain operation. */
    public final int caseIndex;

    /** A sender's value, or the value handed to a receiver. */
    public Object item;
    /** Set when the channel was closed under this waiter. */
    public boolean closed;

    /** Owner only: {@link #WAITING}, {@link #CANCELLED}, or the index of the case that fired. */
    private volatile int state = WAITING;
    /**
     * Owner only: set once the owner stops spinning and may park. The owner writes it before
     * its last look at {@code state}, a claimer reads it after writing {@code state} (both
     * volatile), so a claimer that sees it clear knows the owner will see the claim without
     * being unparked.
     */
    private volatile boolean parking;

    Waiter prev;
    Waiter next;
    boolean queued;

    /**
     * Creates the waiter of a plain send or receive, its own owner.
     *
     * @param item the value to send, or null for a receive
     */
    public Waiter(Object item) {
        this.thread = Thread.currentThread();
        this.owner = this;
        this.caseIndex = 0;
        this.item = item;
    }

    /**
     * Creates the waiter of one case of a select.
     *
     * @param item the value to send, or null for a receive case
     * @param owner the select's owner, or null to make this waiter the owner
     * @param caseIndex the index of the case
     */
    public Waiter(Object item, Waiter owner, int caseIndex) {
        this.thread = Thread.currentThread();
        this.owner = owner == null ? this : owner;
        this.caseIndex = caseIndex;
        this.item = item;
    }

    /**
     * Tries to make this waiter's case the one that fires. Called with the channel's lock held,
     * after this waiter was taken out of the queue and its fields were written.
     *
     * @return true if the caller won and must wake {@link #thread}; false if the owner was
     *     already claimed through another case or cancelled
     */
    public boolean claim() {
        return STATE.compareAndSet(owner, WAITING, caseIndex);
    }

    /**
     * After a successful {@link #claim()}: returns the thread the claimer must unpark, or null
     * if the owner is still spinning and will see the claim by itself.
     */
    public Thread threadToWake() {
        return owner.parking ? thread : null;
    }

    /**
     * Owner only: the index of the case that fired, {@link #CANCELLED}, or {@link #WAITING}.
     */
    public int state() {
        return state;
    }

    /**
     * Owner only: waits until a counterpart or a closer claims this waiter, or the thread is
     * interrupted and cancels it first.
     *
     * @param reason what the owner waits for, as a goroutine dump shows it
     * @return true if claimed; false if cancelled by an interrupt (the caller must then take its
     *     waiters out of their queues and report the interrupt)
     */
    public boolean await(WaitReason reason) {
        return spin() || park(reason);
    }

    /**
     * Owner only: {@link #await(WaitReason)} for an owner that receives from timer channels. Their
     * timers go into the heap only once the owner is about to park (Go's {@code blockTimerChan}),
     * so a counterpart that arrives while it spins costs the heap nothing, and leave it as soon as
     * the owner stops waiting ({@code unblockTimerChan}).
     *
     * @param reason what the owner waits for, as a goroutine dump shows it
     * @param timers the timers of the timer channels it waits on, one per queued case
     * @return true if claimed; false if cancelled by an interrupt
     */
    public boolean await(WaitReason reason, ChannelTimer... timers) {
        if (spin()) {
            return true;
        }
        for (ChannelTimer t : timers) {
            t.block();
        }
        boolean claimed = park(reason);
        for (ChannelTimer t : timers) {
            t.unblock();
        }
        return claimed;
    }

    /**
     * Spins briefly, unless there is a single core (nobody could run the counterpart), too many
     * spin already, or other goroutines wait for this carrier (the spin would delay them).
     *
     * @return true if claimed meanwhile; false if the owner must go on to {@link #park}
     */
    private boolean spin() {
        if (MAX_SPINNERS == 1) {
            return false;
        }
        if (Thread.currentThread().isVirtual()) {
            return !CarrierWork.queued() && spinLoop();
        }
        if (SPINNERS.get() >= MAX_SPINNERS) {
            return false;
        }
        SPINNERS.getAndIncrement();
        try {
            return spinLoop();
        } finally {
            SPINNERS.getAndDecrement();
        }
    }

    private boolean spinLoop() {
        for (int i = 0; i < SPIN_ITERATIONS; i++) {
            if (state != WAITING) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    /** After a {@link #spin()} that saw no claim: parks until claimed or interrupted. */
    private boolean park(WaitReason reason) {
        parking = true;
        if (state != WAITING || Goroutines.parkUntil(this, reason, () -> state != WAITING)) {
            return true;
        }
        // Interrupted: cancel, unless a counterpart claimed this waiter first.
        return !STATE.compareAndSet(this, WAITING, CANCELLED);
    }

    /**
     * Owner only, for a select with no case that can ever fire: blocks until interrupted.
     *
     * @param reason {@link WaitReason#SELECT_NO_CASES} for Go's {@code select {}}, else
     *     {@link WaitReason#SELECT} (cases on nil channels only), as Go's dumps tell them apart
     */
    public static void awaitInterrupt(WaitReason reason) {
        Goroutines.parkUntil(Waiter.class, reason, () -> false);
    }
}
