package io.go4j.race;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FastTrack (Flanagan and Freund, PLDI 2009): vector clocks for threads and synchronizing
 * objects, and per memory location the last write as an epoch and the reads as an epoch that
 * becomes a vector clock only while unordered threads read it.
 *
 * <p>Shadow state lives in {@link WeakIdentityMap}s keyed by the object (its fields' cells, its
 * clocks as a lock or channel), so it goes when the object goes; static fields' cells are kept
 * forever, as their classes usually are.
 */
final class Detector {

    private static final WeakIdentityMap<Shadow> SHADOWS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<SyncVar> SYNCS = new WeakIdentityMap<>();
    /** Threads started and not yet running: the state their parent made them. */
    private static final WeakIdentityMap<ThreadState> PENDING = new WeakIdentityMap<>();
    /**
     * Threads started with Java's {@code Thread.start} and its kin, which another may join: a
     * join takes the ended thread's clock. go4j's goroutines are not kept here: nobody joins
     * them, and the clocks of ended goroutines would stay until the next look at their stripe.
     */
    private static final WeakIdentityMap<ThreadState> JOINABLE = new WeakIdentityMap<>();
    private static final ConcurrentHashMap<Integer, Cell> STATICS = new ConcurrentHashMap<>();
    /**
     * The threads and goroutines that may still run, by number: a report finds here the history
     * of an earlier access's thread. Those that ended leave it at the next {@link #prune}, their
     * numbers go to {@link #FREE}, and what a report says of them stays in {@link #ENDED}, keyed
     * by the epoch they started at, for the last few only.
     */
    private static final ConcurrentHashMap<Integer, ThreadState> LIVE = new ConcurrentHashMap<>();
    /** The same states by thread, for a channel's hand-off to a parked thread. */
    private static final ConcurrentHashMap<Thread, ThreadState> BY_THREAD =
            new ConcurrentHashMap<>();
    private static final Map<Long, ThreadState.Who> ENDED = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ThreadState.Who> eldest) {
            return size() > ENDED_KEPT;
        }
    };
    /** Numbers of ended threads, each as the epoch its next owner starts at. */
    private static final ConcurrentLinkedQueue<Long> FREE = new ConcurrentLinkedQueue<>();
    private static final int ENDED_KEPT = 4096;
    /** Go's limit on the goroutines alive at once under its detector. */
    static final int LIVE_LIMIT = 8128;
    /** Threads made between two looks for ended ones. */
    private static final int PRUNE_EVERY = 1024;
    private static final AtomicInteger TIDS = new AtomicInteger();
    private static final AtomicInteger MADE = new AtomicInteger();
    private static final ThreadLocal<ThreadState> CURRENT =
            ThreadLocal.withInitial(Detector::attach);
    private static final StackTraceElement[] NOWHERE = new StackTraceElement[0];
    /**
     * Frames kept of where each goroutine was created, for the reports: kept for every goroutine
     * ever started (a report may name one that ended), so few.
     */
    private static final int CREATION_DEPTH = 8;

    private Detector() {
    }


    /**
     * The state of a thread that meets the detector for the first time (its parent's, if forked).
     */
    private static ThreadState attach() {
        Thread t = Thread.currentThread();
        ThreadState forked = PENDING.remove(t);
        return forked != null ? forked : newState(t, null, NOWHERE);
    }

    /**
     * The state of another thread, parked: made now (and found by the thread when it next meets
     * the detector) if it has none yet.
     */
    private static ThreadState stateOf(Thread t) {
        ThreadState s = BY_THREAD.get(t);
        return s != null ? s : PENDING.get(t, () -> newState(t, null, NOWHERE));
    }

    private static ThreadState newState(Thread t, Clock inherited, StackTraceElement[] createdAt) {
        Long free = FREE.poll();
        ThreadState s = free == null
                ? new ThreadState(TIDS.getAndIncrement(), 1, t, inherited, createdAt)
                : new ThreadState(Clock.tid(free), Clock.time(free), t, inherited, createdAt);
        LIVE.put(s.tid, s);
        BY_THREAD.put(t, s);
        if (MADE.incrementAndGet() % PRUNE_EVERY == 0 || LIVE.size() > LIVE_LIMIT) {
            prune();
            if (LIVE.size() > LIVE_LIMIT) {
                Reporter.die("race: limit on " + LIVE_LIMIT
                        + " simultaneously alive goroutines is exceeded, dying");
            }
        }
        return s;
    }

    /**
     * Forgets the threads that ended: their clocks and histories go, what a report says of them
     * stays for a while. An earlier access by one of them is then reported without its stack.
     */
    private static synchronized void prune() {
        for (Iterator<ThreadState> i = LIVE.values().iterator(); i.hasNext(); ) {
            ThreadState s = i.next();
            if (!s.who.alive()) {
                i.remove();
                Thread t = s.who.thread().get();
                if (t != null) {
                    BY_THREAD.remove(t, s);
                }
                synchronized (ENDED) {
                    ENDED.put(Clock.epoch(s.tid, s.start), s.who);
                }
                FREE.add(Clock.epoch(s.tid, s.now + 1));
            }
        }
    }

    /** @return the thread whose access {@code epoch} was, if it may still run, else null */
    static ThreadState live(long epoch) {
        ThreadState s = LIVE.get(Clock.tid(epoch));
        return s != null && s.start <= Clock.time(epoch) ? s : null;
    }

    /** @return what a report says of the thread of {@code epoch}, or null if long forgotten */
    static ThreadState.Who who(long epoch) {
        ThreadState s = live(epoch);
        if (s != null) {
            return s.who;
        }
        ThreadState.Who who = null;
        int start = 0;
        synchronized (ENDED) {
            for (Map.Entry<Long, ThreadState.Who> e : ENDED.entrySet()) {
                long began = e.getKey();
                if (Clock.tid(began) == Clock.tid(epoch) && Clock.time(began) <= Clock.time(epoch)
                        && Clock.time(began) >= start) {
                    start = Clock.time(began);
                    who = e.getValue();
                }
            }
        }
        return who;
    }

    static ThreadState current() {
        return CURRENT.get();
    }

    /**
     * The current thread is about to start {@code child}: the child inherits its clock.
     *
     * @param joinable whether a {@code join} may ask for the child's clock once it ended
     */
    static void fork(Thread child, boolean joinable) {
        ThreadState parent = current();
        StackTraceElement[] createdAt = Reporter.stack(CREATION_DEPTH);
        Clock inherited = parent.snapshot();
        ThreadState state = PENDING.get(child, () -> newState(child, inherited, createdAt));
        if (joinable) {
            JOINABLE.get(child, () -> state);
        }
        parent.tick();
    }

    /** {@code child} has ended and the current thread knows it: it inherits the child's clock. */
    static void joined(Thread child) {
        ThreadState c = JOINABLE.find(child);
        if (c != null) {
            ThreadState t = current();
            c.publishTo(t.vc);
        }
    }

    static void release(Object sync, boolean readers) {
        if (sync == null) {
            return;
        }
        ThreadState t = current();
        SyncVar s = SYNCS.get(sync, SyncVar::new);
        synchronized (s) {
            t.publishTo(readers ? s.readClock : s.clock);
        }
        t.tick();
    }

    static void acquire(Object sync, boolean readers) {
        if (sync == null) {
            return;
        }
        SyncVar s = SYNCS.find(sync);
        if (s != null) {
            ThreadState t = current();
            synchronized (s) {
                t.vc.join(readers ? s.readClock : s.clock);
            }
        }
    }

    /**
     * A send completed under the channel's lock (see go4j's {@code Race.chanSend}): through its
     * slot, Go's {@code racenotify}, or, unbuffered, both ways with the parked receiver, Go's
     * {@code racesync}. A parked party's part is done here on its behalf: it is parked, and it
     * goes on only after taking the channel's lock.
     */
    static void chanSend(Object chan, int capacity, Thread parked) {
        completed(chan, capacity, parked, true);
    }

    /** A receive completed under the channel's lock; see {@link #chanSend}. */
    static void chanReceive(Object chan, int capacity, Thread parked) {
        completed(chan, capacity, parked, false);
    }

    private static void completed(Object chan, int capacity, Thread parked, boolean send) {
        ThreadState t = current();
        ThreadState p = parked == null ? null : stateOf(parked);
        SyncVar c = SYNCS.get(chan, SyncVar::new);
        synchronized (c) {
            long k = send ? c.sent++ : c.received++;
            if (capacity == 0) {
                meet(c, t, p);
            } else {
                Clock slot = c.slot(k, capacity);
                exchange(t, slot);
                if (p != null) {
                    // the parked party's operation is the same value's other end
                    if (send) {
                        c.received++;
                    } else {
                        c.sent++;
                    }
                    exchange(p, slot);
                }
            }
        }
    }

    /** A parked sender's value took the slot a receive just freed; see {@link #chanSend}. */
    static void chanRefill(Object chan, int capacity, Thread parked) {
        ThreadState p = stateOf(parked);
        SyncVar c = SYNCS.get(chan, SyncVar::new);
        synchronized (c) {
            exchange(p, c.slot(c.sent++, capacity));
        }
    }

    /**
     * An unbuffered send and its receive: each side takes the other's clock, through the
     * channel's one clock, as Go's {@code racesync} does through {@code chanbuf(c, 0)}.
     */
    private static void meet(SyncVar c, ThreadState t, ThreadState p) {
        Clock meeting = c.slot(0, 1);
        exchange(t, meeting);
        exchange(p, meeting);
        t.vc.join(meeting);
    }

    /**
     * A thread and a clock each take the other's, an acquire and a release at once; the thread
     * then starts a new epoch.
     */
    private static void exchange(ThreadState t, Clock other) {
        t.vc.join(other);
        t.publishTo(other);
        t.tick();
    }

    /** The field's cell, through the thread's cache of the last fields it touched. */
    static Cell fieldCell(ThreadState t, Object obj, int field) {
        int h = System.identityHashCode(obj) + field * 0x9E3779B9;
        int i = (h ^ h >>> 7) & (ThreadState.CACHED - 1);
        Cell c = t.cachedCells[i];
        return t.cachedOwners[i] == obj && c.key == field ? c : cacheCell(t, obj, field, i);
    }

    private static Cell cacheCell(ThreadState t, Object obj, int field, int i) {
        Cell c = shadow(t, obj).field(field);
        t.cachedOwners[i] = obj;
        t.cachedCells[i] = c;
        return c;
    }

    /**
     * The object's shadow, through the thread's cache of the last objects it touched, indexed by
     * identity hash: loops touch a few objects (an object and its arrays) over and over, and the
     * map behind takes a lock.
     */
    private static Shadow shadow(ThreadState t, Object obj) {
        int h = System.identityHashCode(obj);
        int i = (h ^ h >>> 7) & (ThreadState.CACHED - 1);
        if (t.cachedObjects[i] != obj) {
            t.cachedShadows[i] = SHADOWS.get(obj, Shadow::new);
            t.cachedObjects[i] = obj;
        }
        return t.cachedShadows[i];
    }

    static Cell staticCell(int field) {
        return STATICS.computeIfAbsent(field, Cell::new);
    }


    /**
     * @return the element's cell, or null if the access is about to fail (null array, bad index)
     */
    static Cell elementCell(ThreadState t, Object array, int index) {
        return array == null ? null : shadow(t, array).element(array, index);
    }

    /** A volatile write: releases into the field's clock. */
    static void volatileWrite(ThreadState t, Cell c) {
        synchronized (c) {
            if (c.sync == null) {
                c.sync = new Clock();
            }
            t.publishTo(c.sync);
        }
        t.tick();
    }

    /** A volatile read: acquires the field's clock. */
    static void volatileRead(ThreadState t, Cell c) {
        synchronized (c) {
            t.vc.join(c.sync);
        }
    }

    /**
     * FastTrack's read and write rules for one access; reports the first earlier access that
     * does not happen-before it.
     *
     * @param t the current thread's state
     * @param c the location's cell, or null to do nothing
     * @param site the access's instruction
     * @param write whether it writes
     * @param where the object (or array, or null for a static field), for the report's address
     */
    static void access(ThreadState t, Cell c, int site, boolean write, Object where) {
        if (c == null) {
            return;
        }
        long e = t.epoch();
        // FastTrack's same-epoch fast path, before the lock: only this thread stores its own
        // epoch, so seeing it means this epoch already did this (or a stronger) access. Small,
        // so that the JIT inlines it into the hooks, and the hooks into the application.
        if (c.write != e && (write || c.read != e)) {
            check(t, c, e, site, write, where);
        }
    }

    /** FastTrack's rules, under the cell's lock: the access is the first of its kind this epoch. */
    private static void check(ThreadState t, Cell c, long e, int site, boolean write,
            Object where) {
        int now = t.now;
        long prev = 0;
        int prevSite = 0;
        int prevPosition = 0;
        boolean prevWrite = false;
        int position = t.position;
        synchronized (c) {
            if (write) {
                if (c.write == e) {
                    return;
                }
                if (c.write != 0 && !t.after(c.write)) {
                    prev = c.write;
                    prevSite = c.writeSite;
                    prevPosition = c.writePosition;
                    prevWrite = true;
                } else if (c.reads != null) {
                    for (int i = 0; i < c.reads.size(); i++) {
                        int u = c.reads.tidAt(i);
                        if (c.reads.timeAt(i) > t.known(u)) {
                            prev = Clock.epoch(u, c.reads.timeAt(i));
                            prevSite = c.readSites.get(u);
                            prevPosition = c.readPositions.get(u);
                            break;
                        }
                    }
                } else if (c.read != 0 && !t.after(c.read)) {
                    prev = c.read;
                    prevSite = c.readSite;
                    prevPosition = c.readPosition;
                }
                c.write = e;
                c.writeSite = site;
                c.writePosition = position;
                c.read = 0;
                c.reads = null;
                c.readSites = null;
                c.readPositions = null;
            } else {
                if (c.reads == null ? c.read == e : c.reads.get(t.tid) == now) {
                    return;
                }
                if (c.write != 0 && !t.after(c.write)) {
                    prev = c.write;
                    prevSite = c.writeSite;
                    prevPosition = c.writePosition;
                    prevWrite = true;
                }
                if (c.reads != null) {
                    c.reads.set(t.tid, now);
                    c.readSites.set(t.tid, site);
                    c.readPositions.set(t.tid, position);
                } else if (c.read == 0 || t.after(c.read)) {
                    c.read = e;
                    c.readSite = site;
                    c.readPosition = position;
                } else {
                    c.reads = new Clock();
                    c.readSites = new Clock();
                    c.readPositions = new Clock();
                    c.reads.set(Clock.tid(c.read), Clock.time(c.read));
                    c.readSites.set(Clock.tid(c.read), c.readSite);
                    c.readPositions.set(Clock.tid(c.read), c.readPosition);
                    c.reads.set(t.tid, now);
                    c.readSites.set(t.tid, site);
                    c.readPositions.set(t.tid, position);
                }
            }
        }
        if (prev != 0) {
            Reporter.race(where, c.key, t, site, write,
                    new Reporter.Earlier(prev, prevSite, prevPosition, prevWrite));
        }
    }
}
