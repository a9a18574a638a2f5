package io.go4j;

import io.go4j.internal.race.Race;
import io.go4j.internal.runtime.ChanTimer;
import io.go4j.internal.runtime.Sudog;
import io.go4j.internal.runtime.WaitReason;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Go's {@code select} statement.
 *
 * <p>As a statement, with the case bodies inline in a {@code switch} on the chosen index, where
 * they may assign locals, {@code return}, {@code break} and {@code continue}:
 * <pre>{@code
 * // select {
 * // case v := <-in:  total += v
 * // case out <- x:   sent++
 * // default:         return
 * // }
 * Select.Chosen chosen = new Select.Chosen();
 * switch (Select.select(chosen, Select.recv(in), Select.send(out, x), Select.defaultCase())) {
 *     case 0 -> total += chosen.<Integer>value();
 *     case 1 -> sent++;
 *     default -> {
 *         return;
 *     }
 * }
 * }</pre>
 *
 * <p>Or with the bodies in the cases, as lambdas:
 * <pre>{@code
 * int index = Select.select(
 *         Select.recv(in, v -> use(v)),
 *         Select.send(out, x, () -> sent()),
 *         Select.defaultCase(() -> idle()));
 * }</pre>
 *
 * <p>Every channel and every value to send is given once, when the case is made. Among the cases
 * that can proceed, one is picked uniformly at random; if none can and there is a
 * {@linkplain #defaultCase() default}, the default is chosen; otherwise {@code select} blocks
 * until exactly one case proceeds. A {@code null} channel makes a case that is never ready, as a
 * nil channel does in Go. The chosen case's body runs after the communication, on the calling
 * thread, and {@code select} returns the chosen case's index. With no case that can ever fire and
 * no default, {@code select} blocks until the thread is interrupted.
 */
public final class Select {

    /*
     * Implementation notes: Algorithm (Go's {@code runtime/select.go}).
     *
     * Lock every distinct channel of the cases, always in the same global order so two selects
     * cannot deadlock; visit the cases in a random order and perform the first one that can
     * proceed. (A select of up to 16 cases takes each lock only when its visit reaches the channel,
     * so that one finding a case ready early leaves the other channels alone; see {@code
     * selectLockingLazily}.) If none can, put one {@link Sudog} per case in its channel's queue,
     * all sharing one owner, release the locks and park. The first counterpart to ready the owner
     * picks the case; the others find it readied and skip it. Once awake, the select takes its
     * remaining waiters out of their queues.
     */

    private static final int RECV = 0;
    private static final int SEND = 1;
    private static final int DEFAULT = 2;

    /** The most cases whose order {@link #shuffledIndexes} packs in a long. */
    private static final int PACKED_MAX_CASES = 16;
    /** Nibble {@code i} holds {@code i}. */
    private static final long IDENTITY_ORDER = 0xFEDCBA9876543210L;
    /** What {@link #selectLockingLazily} returns when it gave up on an out-of-order lock. */
    private static final int RETRY = -1;
    /** What {@link #attempt} returns for a send that went through. */
    private static final Object SENT = new Object();
    /** What {@link #attempt} returns for a send on a closed channel. */
    private static final Object SEND_ON_CLOSED = new Object();

    private Select() {
    }

    /**
     * The body of a receive case that wants to know whether the value was sent: Go's
     * {@code case v, ok := <-c:}.
     *
     * @param <T> the type of the channel's values
     */
    @FunctionalInterface
    public interface ValueOkConsumer<T> {
        /**
         * Runs the case body.
         *
         * @param value the value received, {@code null} when {@code ok} is false
         * @param ok {@code false} when the channel is closed and drained
         */
        void accept(T value, boolean ok);
    }

    /**
     * The outcome of a {@link #select(Chosen, Case...) select statement}: which case was chosen,
     * the value it received and whether the channel was open. Filling an object the caller
     * keeps, rather than returning a new one, is what lets a select in a loop allocate nothing
     * for its result. Not thread-safe: one per thread, typically one per loop.
     */
    public static final class Chosen {
        private int index = -1;
        private Object value;
        private boolean ok;

        /** Creates an empty record of a choice; {@link #index()} is -1 until a select fills it. */
        public Chosen() {
        }

        void set(int index, Object value, boolean ok) {
            this.index = index;
            this.value = value;
            this.ok = ok;
        }

        /**
         * The index of the case chosen by the last select: the case Go's {@code select} runs.
         *
         * @return the index, or -1 before the first select
         */
        public int index() {
            return index;
        }

        /**
         * The value received by the chosen case: Go's {@code v} in {@code case v := <-c:}.
         * {@code null} when the case was a send or the default, or when its channel was closed
         * and drained. The type is the caller's to name ({@code Integer v = chosen.value();}), as
         * only the caller knows which channel the case read.
         *
         * @param <T> the type of the chosen case's channel's values
         * @return the value, or {@code null}
         * @throws ClassCastException at the caller, if {@code T} is not the channel's type
         */
        @SuppressWarnings("unchecked")
        public <T> T value() {
            return (T) value;
        }

        /**
         * Go's {@code ok} in {@code case v, ok := <-c:}: false only when the chosen case is a
         * receive whose channel was closed and drained.
         *
         * @return whether the chosen case received a value that was sent, or was not a receive
         */
        public boolean ok() {
            return ok;
        }
    }

    /**
     * One case of a select. Made by {@link #recv}, {@link #send} and {@link #defaultCase}; a case
     * may be reused in several selects.
     */
    public static final class Case {
        final int kind;
        final Chan<?> chan;
        final Object value;
        /**
         * The body of a receive case, at most one of the two: kept as the caller gave it, so that
         * making a case allocates nothing but the case.
         */
        final Consumer<Object> onValue;
        final ValueOkConsumer<Object> onReceive;
        /** The body of a send or default case, or null. */
        final Runnable onDone;

        private Case(int kind, Chan<?> chan, Object value, Consumer<Object> onValue,
                ValueOkConsumer<Object> onReceive, Runnable onDone) {
            this.kind = kind;
            this.chan = chan;
            this.value = value;
            this.onValue = onValue;
            this.onReceive = onReceive;
            this.onDone = onDone;
        }
    }

    /**
     * Selects one case and runs its body: Go's {@code select}.
     *
     * @param cases the cases, in the order that gives their indexes
     * @return the index of the case that was chosen
     * @throws ChanClosedException ({@code send on closed channel}) if a send case is chosen whose
     *     channel is closed
     * @throws GoInterruptedException if the thread is interrupted while the select waits; no case
     *     was then chosen, and the interrupt status stays set
     * @throws IllegalArgumentException if more than one default case is given
     */
    public static int select(Case... cases) {
        return choose(cases, null);
    }

    /**
     * Go's {@code select} as a statement: selects one case, runs its body if it has one, and
     * records in {@code chosen} which case it was, the value received and {@code ok}, so that the
     * caller's {@code switch} on the returned index does the case's work inline, where it may
     * assign locals, {@code return}, {@code break} or {@code continue}.
     *
     * <pre>{@code
     * // for {
     * //     select {
     * //     case v, ok := <-in:
     * //         if !ok { return sum }
     * //         sum += v
     * //     case <-quit:
     * //         return -1
     * //     }
     * // }
     * Select.Chosen chosen = new Select.Chosen();
     * for (;;) {
     *     switch (Select.select(chosen, Select.recv(in), Select.recv(quit))) {
     *         case 0 -> {
     *             if (!chosen.ok()) {
     *                 return sum;
     *             }
     *             sum += chosen.<Integer>value();
     *         }
     *         default -> {
     *             return -1;
     *         }
     *     }
     * }
     * }</pre>
     *
     * @param chosen where the choice goes; reuse it from one select to the next
     * @param cases the cases, in the order that gives their indexes
     * @return the index of the case that was chosen, also in {@link Chosen#index()}
     * @throws ChanClosedException ({@code send on closed channel}) if a send case is chosen whose
     *     channel is closed
     * @throws GoInterruptedException if the thread is interrupted while the select waits; no case
     *     was then chosen, {@code chosen} is unchanged, and the interrupt status stays set
     * @throws IllegalArgumentException if more than one default case is given
     */
    public static int select(Chosen chosen, Case... cases) {
        return choose(cases, Objects.requireNonNull(chosen, "chosen"));
    }

    /**
     * Go's {@code select} as a statement, over a list of cases; see
     * {@link #select(Chosen, Case...)}.
     *
     * @param chosen where the choice goes; reuse it from one select to the next
     * @param cases the cases, in the order that gives their indexes
     * @return the index of the case that was chosen, also in {@link Chosen#index()}
     */
    public static int select(Chosen chosen, List<Case> cases) {
        return select(chosen, cases.toArray(new Case[0]));
    }

    /** Go's selectgo; records the choice in {@code chosen} unless it is null. */
    private static int choose(Case[] cases, Chosen chosen) {
        int defaultIndex = -1;
        int active = 0;
        long quietTimers = 0;
        for (int i = 0; i < cases.length; i++) {
            Case c = cases[i];
            if (c.kind == DEFAULT) {
                if (defaultIndex >= 0) {
                    throw new IllegalArgumentException("select: multiple defaults");
                }
                defaultIndex = i;
            } else if (c.chan != null) {
                active++;
                // Before any channel is locked: a due timer fires by sending on its channel.
                if (isTimerCase(c) && c.chan.timer.maybeRun() && i < PACKED_MAX_CASES) {
                    quietTimers |= 1L << i;
                }
            }
        }
        if (active == 0) {
            if (defaultIndex >= 0) {
                return fire(cases, defaultIndex, null, chosen);
            }
            Sudog.awaitInterrupt(cases.length == 0 ? WaitReason.SELECT_NO_CASES
                    : WaitReason.SELECT);
            throw new GoInterruptedException();
        }
        if (cases.length <= PACKED_MAX_CASES) {
            int index = selectLockingLazily(cases, defaultIndex, quietTimers, chosen);
            if (index != RETRY) {
                return index;
            }
        }
        int[] pollOrder = new int[active];
        for (int i = 0, k = 0; i < cases.length; i++) {
            if (isActive(cases[i])) {
                pollOrder[k++] = i;
            }
        }
        shuffle(pollOrder);
        // The lock order starts from the random poll order and the sort is stable, so cases on
        // the same channel keep a random relative order. A blocked select queues its waiters in
        // lock order, and a counterpart takes the first one queued: sorting from index order
        // would make the first of several cases on one channel always win once blocked (Go's
        // selectgo does the same for the same reason; its TestPseudoRandomSend checks it).
        int[] lockOrder = pollOrder.clone();
        sortByChannel(cases, lockOrder);

        lockAll(cases, lockOrder);
        for (int i : pollOrder) {
            Object result = attempt(cases[i]);
            if (result != Chan.NOT_READY) {
                Thread wakeup = cases[i].chan.takeWakeup();
                unlockAll(cases, lockOrder);
                return complete(cases, i, result, wakeup, chosen);
            }
        }
        if (defaultIndex >= 0) {
            unlockAll(cases, lockOrder);
            return fire(cases, defaultIndex, null, chosen);
        }
        // Queued in lock order, which starts from the random poll order (see above).
        Sudog[] waiters = enqueueAll(cases, lockOrder);
        unlockAll(cases, lockOrder);
        return awaitAndFire(cases, waiters, chosen);
    }

    /**
     * Go's selectgo, taking each lock only when it is needed: visits the cases in a random order,
     * locks the channel of each case it reaches and keeps it locked, and performs the first case
     * that can proceed. When a case fires, every case before it in the order is still locked and
     * not ready, so the choice is the very one Go's select would make after locking all channels
     * at that moment; but a select that finds a case ready early never touches the channels of the
     * later cases, and one that finds none ready holds every lock, as Go's does, and blocks at
     * once.
     *
     * <p>No deadlock: while holding locks, a select waits for another lock only if that channel
     * comes after every channel it holds in the global order of {@link #lockAll}. A channel that
     * comes before one of them it only tries once; if that fails, it lets go of every lock and
     * returns {@link #RETRY} so that the caller does it Go's way.
     *
     * <p>The receive cases of timers that cannot have sent anything yet ({@code quietTimers}, a
     * bit per case index) are visited after the others: such a case is not ready, so where it
     * comes in the order changes no choice among ready cases, and a select whose other case is
     * ready (a timeout not needed) then leaves the timer's channel alone.
     *
     * @return the index of the case chosen, or {@link #RETRY} (nothing done, no lock held)
     */
    private static int selectLockingLazily(Case[] cases, int defaultIndex, long quietTimers,
            Chosen chosen) {
        long order = shuffledIndexes(cases.length);
        if (quietTimers != 0) {
            order = visitLast(order, cases.length, quietTimers);
        }
        // The held channel that comes last in the lock order; ids are asked for only once a
        // second channel must be locked, so a select whose first case is ready gives none out.
        Chan<?> highestHeld = null;
        for (int k = 0; k < cases.length; k++) {
            int i = indexAt(order, k);
            Case c = cases[i];
            Chan<?> ch = c.chan;
            if (!isActive(c)) {
                continue;
            }
            if (!lockedBefore(cases, order, k, ch)) {
                if (highestHeld == null) {
                    ch.lock.lock();
                    highestHeld = ch;
                } else if (ch.id() > highestHeld.id()) {
                    ch.lock.lockHoldingOthers();
                    highestHeld = ch;
                } else if (!ch.lock.tryLock()) {
                    unlockFirst(cases, order, k);
                    return RETRY;
                }
            }
            Object result = attempt(c);
            if (result != Chan.NOT_READY) {
                Thread wakeup = ch.takeWakeup();
                unlockFirst(cases, order, k + 1);
                return complete(cases, i, result, wakeup, chosen);
            }
        }
        if (defaultIndex >= 0) {
            unlockFirst(cases, order, cases.length);
            return fire(cases, defaultIndex, null, chosen);
        }
        // Queued in the random poll order: cases on the same channel then have a random relative
        // order in its queue, which a counterpart serves first to last (see the lock order in
        // select).
        Sudog[] waiters = enqueueAll(cases, activeInOrder(cases, order));
        unlockFirst(cases, order, cases.length);
        return awaitAndFire(cases, waiters, chosen);
    }

    /** The indexes of the active cases (not the default, not on a nil channel), packed order. */
    private static int[] activeInOrder(Case[] cases, long order) {
        int[] active = new int[cases.length];
        int n = 0;
        for (int k = 0; k < cases.length; k++) {
            int i = indexAt(order, k);
            if (isActive(cases[i])) {
                active[n++] = i;
            }
        }
        return n == active.length ? active : Arrays.copyOf(active, n);
    }

    /** Moves the cases of {@code last} (a bit per case index) to the end of a packed order. */
    private static long visitLast(long order, int n, long last) {
        long front = 0;
        long back = 0;
        int inFront = 0;
        int inBack = 0;
        for (int k = 0; k < n; k++) {
            long i = indexAt(order, k);
            if ((last & (1L << i)) == 0) {
                front |= i << (4 * inFront++);
            } else {
                back |= i << (4 * inBack++);
            }
        }
        return inFront == n ? order : front | back << (4 * inFront);
    }

    /** The {@code k}-th case index of a packed order. */
    private static int indexAt(long order, int k) {
        return (int) (order >>> (4 * k)) & 0xF;
    }

    /** Whether a case among the first {@code k} of the order, all locked, is on {@code ch}. */
    private static boolean lockedBefore(Case[] cases, long order, int k, Chan<?> ch) {
        for (int j = 0; j < k; j++) {
            if (cases[indexAt(order, j)].chan == ch) {
                return true;
            }
        }
        return false;
    }

    /** Unlocks the channels of the first {@code k} cases of the order, each once. */
    private static void unlockFirst(Case[] cases, long order, int k) {
        for (int j = 0; j < k; j++) {
            Chan<?> ch = cases[indexAt(order, j)].chan;
            if (ch != null && !lockedBefore(cases, order, j, ch)) {
                ch.lock.unlock();
            }
        }
    }

    /**
     * A uniformly random permutation of {@code 0 .. n-1}, {@code n <= 16}, packed four bits per
     * index, the first in the lowest bits: Fisher-Yates on nibbles, so that no array is allocated.
     */
    private static long shuffledIndexes(int n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long order = IDENTITY_ORDER;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long diff = ((order >>> (4 * i)) ^ (order >>> (4 * j))) & 0xF;
            order ^= (diff << (4 * i)) | (diff << (4 * j));
        }
        return order;
    }

    /**
     * Channel locked: performs case {@code c} if it can proceed now.
     *
     * @return the value received (or {@link Chan#CLOSED}), {@link #SENT}, {@link #SEND_ON_CLOSED}
     *     (nothing done), or {@link Chan#NOT_READY}
     */
    private static Object attempt(Case c) {
        Chan<?> ch = c.chan;
        if (c.kind == RECV) {
            return ch.pollLocked();
        }
        if (ch.isClosedLocked()) {
            return SEND_ON_CLOSED;
        }
        return ch.offerLocked(c.value) ? SENT : Chan.NOT_READY;
    }

    /**
     * Locks released after case {@code i} was {@linkplain #attempt attempted} with
     * {@code result}: wakes the counterpart it readied, if any, and completes the case.
     */
    private static int complete(Case[] cases, int i, Object result, Thread wakeup,
            Chosen chosen) {
        if (wakeup != null) {
            LockSupport.unpark(wakeup);
        }
        if (result == SEND_ON_CLOSED) {
            throw new ChanClosedException(Chan.SEND_ON_CLOSED);
        }
        return fire(cases, i, result == SENT ? null : result, chosen);
    }

    /**
     * Channels locked, no case ready: queues a sudog for each case of {@code queueOrder} in its
     * channel, all sharing the first one as their owner.
     *
     * @return the sudogs by case index, null for the cases not queued
     */
    private static Sudog[] enqueueAll(Case[] cases, int[] queueOrder) {
        Sudog[] waiters = new Sudog[cases.length];
        Sudog owner = null;
        for (int i : queueOrder) {
            Case c = cases[i];
            Sudog w = new Sudog(c.kind == SEND ? c.value : null, owner, i);
            owner = w.owner;
            waiters[i] = w;
            c.chan.enqueueLocked(w, c.kind == SEND);
        }
        return waiters;
    }

    /**
     * No lock held, every active case queued ({@code waiters[i]} is null for the others): parks
     * until a case fires, takes the other waiters out of their queues, and runs the case body.
     */
    private static int awaitAndFire(Case[] cases, Sudog[] waiters, Chosen chosen) {
        Sudog owner = null;
        for (int i = 0; owner == null; i++) {
            owner = waiters[i] == null ? null : waiters[i].owner;
        }
        boolean fired = await(owner, cases, waiters);
        int won = fired ? owner.state() : -1;
        for (int i = 0; i < cases.length; i++) {
            if (i != won && waiters[i] != null) {
                cases[i].chan.dequeue(waiters[i], cases[i].kind == SEND);
            }
        }
        if (!fired) {
            throw new GoInterruptedException();
        }
        Sudog w = waiters[won];
        if (Race.ENABLED && !(w.closed && cases[won].kind == SEND)) {
            cases[won].chan.acquireHandOff(w);
        }
        if (cases[won].kind == SEND) {
            if (w.closed) {
                throw new ChanClosedException(Chan.SEND_ON_CLOSED);
            }
            return fire(cases, won, null, chosen);
        }
        return fire(cases, won, w.closed ? Chan.CLOSED : w.item, chosen);
    }

    /**
     * Sudogs queued, locks released: waits until a case fires. The timers of queued receive cases
     * on timer channels go into the heap only if the select is about to park.
     */
    private static boolean await(Sudog owner, Case[] cases, Sudog[] waiters) {
        int timers = 0;
        for (int i = 0; i < cases.length; i++) {
            if (waiters[i] != null && isTimerCase(cases[i])) {
                timers++;
            }
        }
        if (timers == 0) {
            return readied(owner, owner.await(Select.class, WaitReason.SELECT));
        }
        ChanTimer[] queued = new ChanTimer[timers];
        for (int i = 0, k = 0; k < timers; i++) {
            if (waiters[i] != null && isTimerCase(cases[i])) {
                queued[k++] = cases[i].chan.timer;
            }
        }
        return readied(owner, owner.await(Select.class, WaitReason.SELECT, queued));
    }

    /** After the owner's await: whether a case fired, cancelling the select if none did. */
    private static boolean readied(Sudog owner, int outcome) {
        return outcome != Sudog.WAITING || !owner.cancel();
    }

    /** A case that can fire: neither the default nor a case on a nil channel. */
    private static boolean isActive(Case c) {
        return c.kind != DEFAULT && c.chan != null;
    }

    /** A receive from a timer's channel: the select must tell the timer when it parks. */
    private static boolean isTimerCase(Case c) {
        return c.kind == RECV && c.chan.timer != null;
    }

    /**
     * Records the chosen case in {@code chosen} (when the caller gave one) and runs its body;
     * {@code received} is the value or {@link Chan#CLOSED}.
     */
    private static int fire(Case[] cases, int index, Object received, Chosen chosen) {
        Case c = cases[index];
        boolean ok = received != Chan.CLOSED;
        if (chosen != null) {
            chosen.set(index, ok ? received : null, ok);
        }
        if (c.onValue != null) {
            c.onValue.accept(ok ? received : null);
        } else if (c.onReceive != null) {
            c.onReceive.accept(ok ? received : null, ok);
        } else if (c.onDone != null) {
            c.onDone.run();
        }
        return index;
    }

    private static void shuffle(int[] order) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * Stable insertion sort (see the lock order in {@link #select(Case...)}): selects have few
     * cases.
     */
    private static void sortByChannel(Case[] cases, int[] order) {
        for (int i = 1; i < order.length; i++) {
            int x = order[i];
            long id = cases[x].chan.id();
            int j = i - 1;
            while (j >= 0 && cases[order[j]].chan.id() > id) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }

    /** Locks each distinct channel once, in id order (duplicates are adjacent once sorted). */
    private static void lockAll(Case[] cases, int[] lockOrder) {
        Chan<?> previous = null;
        for (int i : lockOrder) {
            Chan<?> ch = cases[i].chan;
            if (previous == null) {
                ch.lock.lock();
            } else if (ch != previous) {
                ch.lock.lockHoldingOthers();
            }
            previous = ch;
        }
    }

    private static void unlockAll(Case[] cases, int[] lockOrder) {
        Chan<?> previous = null;
        for (int i : lockOrder) {
            Chan<?> ch = cases[i].chan;
            if (ch != previous) {
                ch.lock.unlock();
                previous = ch;
            }
        }
    }


    /**
     * Selects one case of a list and runs its body; see {@link #select(Case...)}.
     *
     * @param cases the cases, in the order that gives their indexes
     * @return the index of the case that was chosen
     */
    public static int select(List<Case> cases) {
        return select(cases.toArray(new Case[0]));
    }

    /**
     * A receive case that discards the value: Go's {@code case <-c:}.
     *
     * @param c the channel, or {@code null} for a case that is never ready
     * @return the case
     */
    public static Case recv(RecvChan<?> c) {
        return new Case(RECV, (Chan<?>) c, null, null, null, null);
    }

    /**
     * A receive case: Go's {@code case v := <-c:}. When the channel is closed and drained the body
     * gets {@code null}.
     *
     * @param <T> the type of the channel's values
     * @param c the channel, or {@code null} for a case that is never ready
     * @param body runs with the value received
     * @return the case
     */
    @SuppressWarnings("unchecked")
    public static <T> Case recv(RecvChan<T> c, Consumer<? super T> body) {
        return new Case(RECV, (Chan<?>) c, null, (Consumer<Object>) body, null, null);
    }

    /**
     * A receive case that knows whether the value was sent: Go's {@code case v, ok := <-c:}.
     * Named apart from {@link #recv(RecvChan, Consumer)}, as {@link Chan#receiveOk()} is from
     * {@link Chan#receive()}, so that a method reference such as {@code results::add} picks one
     * overload without help.
     *
     * @param <T> the type of the channel's values
     * @param c the channel, or {@code null} for a case that is never ready
     * @param body runs with the value and {@code ok}, false once the channel is closed and drained
     * @return the case
     */
    @SuppressWarnings("unchecked")
    public static <T> Case recvOk(RecvChan<T> c, ValueOkConsumer<? super T> body) {
        return new Case(RECV, (Chan<?>) c, null, null, (ValueOkConsumer<Object>) body, null);
    }

    /**
     * A send case: Go's {@code case c <- value:}.
     *
     * @param <T> the type of the channel's values
     * @param c the channel, or {@code null} for a case that is never ready
     * @param value the value to send, possibly {@code null}
     * @return the case
     */
    public static <T> Case send(SendChan<T> c, T value) {
        return new Case(SEND, (Chan<?>) c, value, null, null, null);
    }

    /**
     * A send case with a body: Go's {@code case c <- value: body}.
     *
     * @param <T> the type of the channel's values
     * @param c the channel, or {@code null} for a case that is never ready
     * @param value the value to send, possibly {@code null}
     * @param body runs once the value was sent
     * @return the case
     */
    public static <T> Case send(SendChan<T> c, T value, Runnable body) {
        return new Case(SEND, (Chan<?>) c, value, null, null, body);
    }

    /**
     * The default case: Go's {@code default:}, chosen when no other case is ready.
     *
     * @return the case
     */
    public static Case defaultCase() {
        return new Case(DEFAULT, null, null, null, null, null);
    }

    /**
     * The default case with a body: Go's {@code default: body}.
     *
     * @param body runs when the default is chosen
     * @return the case
     */
    public static Case defaultCase(Runnable body) {
        return new Case(DEFAULT, null, null, null, null, body);
    }
}
