package io.go4j.race;

import java.lang.reflect.Array;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final WeakIdentityMap<ThreadState> THREADS = new WeakIdentityMap<>();
    private static final ConcurrentHashMap<Integer, Cell> STATICS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, ThreadState.Who> WHO = new ConcurrentHashMap<>();
    private static final AtomicInteger TIDS = new AtomicInteger();
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(Detector::attach);
    private static final StackTraceElement[] NOWHERE = new StackTraceElement[0];

    private Detector() {
    }

    /** The state of a thread that meets the detector for the first time (its parent's, if forked). */
    private static ThreadState attach() {
        Thread t = Thread.currentThread();
        return THREADS.get(t, () -> newState(t, null, NOWHERE));
    }

    private static ThreadState newState(Thread t, int[] inherited, StackTraceElement[] createdAt) {
        ThreadState s = new ThreadState(TIDS.getAndIncrement(), t, inherited, createdAt);
        WHO.put(s.tid, s.who);
        return s;
    }

    static ThreadState current() {
        return CURRENT.get();
    }

    /** The current thread is about to start {@code child}: the child inherits its clock. */
    static void fork(Thread child) {
        ThreadState parent = current();
        StackTraceElement[] createdAt = Reporter.stack();
        THREADS.get(child, () -> newState(child, parent.vc, createdAt));
        parent.tick();
    }

    /** {@code child} has ended and the current thread knows it: it inherits the child's clock. */
    static void joined(Thread child) {
        ThreadState c = THREADS.find(child);
        if (c != null) {
            ThreadState t = current();
            t.vc = Clock.join(t.vc, c.vc);
        }
    }

    static void release(Object sync, boolean readers) {
        if (sync == null) {
            return;
        }
        ThreadState t = current();
        SyncVar s = SYNCS.get(sync, SyncVar::new);
        synchronized (s) {
            if (readers) {
                s.readClock = Clock.join(s.readClock, t.vc);
            } else {
                s.clock = Clock.join(s.clock, t.vc);
            }
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
                t.vc = Clock.join(t.vc, readers ? s.readClock : s.clock);
            }
        }
    }

    static Cell fieldCell(Object obj, int field) {
        return SHADOWS.get(obj, Shadow::new).field(field);
    }

    static Cell staticCell(int field) {
        return STATICS.computeIfAbsent(field, Cell::new);
    }

    /** @return the element's cell, or null if the access is about to fail (null array, bad index) */
    static Cell elementCell(Object array, int index) {
        if (array == null) {
            return null;
        }
        int length = Array.getLength(array);
        if (index < 0 || index >= length) {
            return null;
        }
        return SHADOWS.get(array, Shadow::new).element(index, length);
    }

    /** A volatile write: releases into the field's clock. */
    static void volatileWrite(Cell c) {
        ThreadState t = current();
        synchronized (c) {
            c.sync = Clock.join(c.sync == null ? new int[0] : c.sync, t.vc);
        }
        t.tick();
    }

    /** A volatile read: acquires the field's clock. */
    static void volatileRead(Cell c) {
        ThreadState t = current();
        synchronized (c) {
            t.vc = Clock.join(t.vc, c.sync);
        }
    }

    /**
     * FastTrack's read and write rules for one access; reports the first earlier access that
     * does not happen-before it.
     *
     * @param c the location's cell, or null to do nothing
     * @param site the access's instruction
     * @param write whether it writes
     * @param where the object (or array, or null for a static field), for the report's address
     */
    static void access(Cell c, int site, boolean write, Object where) {
        if (c == null) {
            return;
        }
        ThreadState t = current();
        int[] vc = t.vc;
        int now = vc[t.tid];
        long e = Clock.epoch(t.tid, now);
        long prev = 0;
        int prevSite = 0;
        boolean prevWrite = false;
        synchronized (c) {
            if (write) {
                if (c.write == e) {
                    return;
                }
                if (c.write != 0 && !Clock.before(c.write, vc)) {
                    prev = c.write;
                    prevSite = c.writeSite;
                    prevWrite = true;
                } else if (c.reads != null) {
                    for (int u = 0; u < c.reads.length; u++) {
                        if (c.reads[u] > Clock.get(vc, u)) {
                            prev = Clock.epoch(u, c.reads[u]);
                            prevSite = c.readSites[u];
                            break;
                        }
                    }
                } else if (c.read != 0 && !Clock.before(c.read, vc)) {
                    prev = c.read;
                    prevSite = c.readSite;
                }
                c.write = e;
                c.writeSite = site;
                c.read = 0;
                c.reads = null;
                c.readSites = null;
            } else {
                if (c.reads == null ? c.read == e : Clock.get(c.reads, t.tid) == now) {
                    return;
                }
                if (c.write != 0 && !Clock.before(c.write, vc)) {
                    prev = c.write;
                    prevSite = c.writeSite;
                    prevWrite = true;
                }
                if (c.reads != null) {
                    c.reads = Clock.set(c.reads, t.tid, now);
                    c.readSites = Clock.set(c.readSites, t.tid, site);
                } else if (c.read == 0 || Clock.before(c.read, vc)) {
                    c.read = e;
                    c.readSite = site;
                } else {
                    int other = Clock.tid(c.read);
                    c.reads = Clock.set(Clock.set(new int[0], other, Clock.time(c.read)), t.tid, now);
                    c.readSites = Clock.set(Clock.set(new int[0], other, c.readSite), t.tid, site);
                }
            }
        }
        if (prev != 0) {
            Reporter.race(where, c.key, t.who, site, write, WHO.get(Clock.tid(prev)), prevSite, prevWrite);
        }
    }
}
