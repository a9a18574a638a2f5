package io.go4j.race;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * A thread's (a goroutine's) side of FastTrack: its number, its own time, its vector clock of the
 * others, and what a report says of it. Only the thread itself changes them, except before it
 * starts (its parent sets them) and after it ended (a join reads them): {@code Thread.start} and
 * {@code join} order those.
 */
final class ThreadState {

    /** Dense number of this thread in every vector clock. */
    final int tid;
    /** What a report says of this thread; outlives the state, which goes with the thread. */
    final Who who;
    /**
     * The other threads' times known to happen-before now; this thread's own entry is {@link #now}.
     */
    final Clock vc;
    /** This thread's own time. */
    int now;
    /**
     * Its time when it started. A number is reused once its thread ended, the times going on from
     * where the ended one stopped, so that clocks stay as long as the threads alive at once (as
     * Go's race runtime reuses its goroutine slots); an epoch with this number and an earlier
     * time was an access of an earlier owner of the number.
     */
    final int start;
    /**
     * The objects whose shadows this thread looked up last, and those shadows: a cache indexed by
     * identity hash. With the cells below, it holds on to {@code 2 * CACHED} objects at most
     * per live thread.
     */
    static final int CACHED = 16;
    final Object[] cachedObjects = new Object[CACHED];
    final Shadow[] cachedShadows = new Shadow[CACHED];
    /** Likewise the cells of the last fields it touched, and their objects. */
    final Object[] cachedOwners = new Object[CACHED];
    final Cell[] cachedCells = new Cell[CACHED];

    /**
     * Events of the history between two snapshots of the shadow stack. A power of two: the
     * history is replayed from the snapshot before the position asked for.
     */
    static final int PART = 1024;
    /**
     * Most events a thread's history keeps: Go's {@code history_size} (0 to 7, default 1) scales
     * it as Go scales its per-goroutine history, {@code 32K << history_size}.
     */
    private static int historyEvents = 32768 << 1;

    /**
     * The shadow stack: the sites of the instrumented calls in progress, outermost first. Only
     * the thread changes it; a report reads another thread's through {@link #stackAt}.
     */
    private int[] frames = new int[8];
    private int depth;
    /**
     * The history: every change of the shadow stack, in a ring of at most
     * {@link #historyEvents} that starts small; {@code site + 1} for a call, 0 for a return,
     * {@code -(d + 1)} for a cut back to depth {@code d} (an exception caught). Null until the
     * first call.
     */
    private int[] events;
    /** The number of events so far (wrapping): an access records it, a report replays up to it. */
    int position;
    /** Per {@link #PART} of the ring, the shadow stack when that part began, and where it began. */
    private int[][] snapshots;
    private int[] snapshotPositions;

    ThreadState(int tid, int start, Thread thread, Clock inherited,
            StackTraceElement[] createdAt) {
        this.tid = tid;
        this.start = start;
        this.now = start;
        this.who = new Who(thread.threadId(),
                "main".equals(thread.getName()) && !thread.isVirtual(),
                createdAt, new WeakReference<>(thread));
        this.vc = inherited == null ? new Clock() : inherited;
    }

    /** Sets the history's length from {@code GORACE}'s {@code history_size}, 0 to 7. */
    static void historySize(int size) {
        historyEvents = 32768 << size;
    }

    /** An instrumented call from {@code site} begins. */
    void call(int site) {
        record(site + 1);
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        frames[depth++] = site;
    }

    /** The instrumented call on top of the shadow stack returned. */
    void ret() {
        if (depth > 0) {
            record(0);
            depth--;
        }
    }

    /** @return the shadow stack's depth, for {@link #cut} */
    int depth() {
        return depth;
    }

    /** Drops the calls above depth {@code d}: an exception ended them. */
    void cut(int d) {
        if (d < depth) {
            record(-(d + 1));
            depth = d;
        }
    }

    /**
     * An exception was caught in the method numbered {@code method}: its call in progress, and
     * every call above it, ended. Recursion can make it cut one frame too many.
     */
    void caught(int method) {
        for (int i = depth - 1; i >= 0; i--) {
            if (Sites.get(frames[i]).methodId() == method) {
                cut(i);
                return;
            }
        }
    }

    private void record(int event) {
        int p = position;
        int[] e = events;
        if (e == null) {
            e = new int[PART];
            events = e;
            int parts = historyEvents / PART;
            snapshots = new int[parts][];
            snapshotPositions = new int[parts];
        } else if (p == e.length && e.length < historyEvents) {
            e = Arrays.copyOf(e, e.length * 2);
            events = e;
        }
        if ((p & (PART - 1)) == 0) {
            int slot = (p >>> Integer.numberOfTrailingZeros(PART)) & (snapshots.length - 1);
            snapshots[slot] = Arrays.copyOf(frames, depth);
            snapshotPositions[slot] = p;
        }
        e[p & (e.length - 1)] = event;
        position = p + 1;
    }

    /**
     * The shadow stack as it was at history position {@code at}, rebuilt from the snapshot before
     * it and the events since, as Go's race runtime restores a previous access's stack from its
     * trace. Called by another thread while this one runs on: it reads without locks and gives
     * up if the events it needs may have been overwritten meanwhile.
     *
     * @return the call sites, outermost first, or null if that part of the history is gone
     */
    int[] stackAt(int at) {
        int[] e = events;
        int[][] snaps = snapshots;
        int[] snapPositions = snapshotPositions;
        if (e == null || snaps == null) {
            return at == 0 ? new int[0] : null;
        }
        // the snapshot of the part that holds event at - 1: one at position at may not be taken
        int from = at == 0 ? 0 : (at - 1) & -PART;
        if (position - from > e.length || position - at < 0) {
            return null;
        }
        int slot = (from >>> Integer.numberOfTrailingZeros(PART)) & (snaps.length - 1);
        int[] base = snaps[slot];
        if (base == null || snapPositions[slot] != from) {
            return null;
        }
        int[] stack = Arrays.copyOf(base, base.length + (at - from));
        int d = base.length;
        for (int q = from; q != at; q++) {
            int event = e[q & (e.length - 1)];
            if (event > 0) {
                stack[d++] = event - 1;
            } else if (event == 0) {
                d = Math.max(0, d - 1);
            } else {
                d = Math.min(d, -event - 1);
            }
        }
        return position - from > e.length ? null : Arrays.copyOf(stack, d);
    }

    long epoch() {
        return Clock.epoch(tid, now);
    }

    /** @return the time of thread {@code u} known to happen-before this thread's present */
    int known(int u) {
        return u == tid ? now : vc.get(u);
    }

    /** @return true if the access at {@code epoch} happens-before this thread's present */
    boolean after(long epoch) {
        return Clock.time(epoch) <= known(Clock.tid(epoch));
    }

    /** @return a copy of the full clock, own entry included: what a release publishes */
    Clock snapshot() {
        Clock c = vc.copy();
        c.set(tid, now);
        return c;
    }

    /** Joins this thread's full clock into {@code into}. */
    void publishTo(Clock into) {
        into.join(vc);
        into.max(tid, now);
    }

    /** Starts a new epoch: accesses from now on are not ordered by what was released before. */
    void tick() {
        now++;
    }

    /**
     * A thread as reports name it.
     *
     * @param goid the thread's id, which go4j also uses as the goroutine's id
     * @param mainThread whether it is the JVM's main thread (Go's main goroutine)
     * @param createdAt where it was started; empty when not by instrumented code or go4j
     * @param thread the thread, while it is reachable
     */
    record Who(long goid, boolean mainThread, StackTraceElement[] createdAt,
            WeakReference<Thread> thread) {

        boolean running() {
            Thread t = thread.get();
            return t != null && t.isAlive();
        }

        /** @return false once the thread ended (or was collected); a thread not started yet is */
        boolean alive() {
            Thread t = thread.get();
            return t != null && t.getState() != Thread.State.TERMINATED;
        }

        /** @return Go's name of the goroutine: {@code main goroutine} or {@code goroutine N} */
        String name() {
            return mainThread ? "main goroutine" : "goroutine " + goid;
        }
    }
}
