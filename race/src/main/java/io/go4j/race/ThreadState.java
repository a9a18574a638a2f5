package io.go4j.race;

import java.lang.ref.WeakReference;

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
    int now = 1;
    /** The object whose shadow this thread looked up last, and that shadow (a one-entry cache). */
    Object lastObject;
    Shadow lastShadow;

    ThreadState(int tid, Thread thread, Clock inherited, StackTraceElement[] createdAt) {
        this.tid = tid;
        this.who = new Who(thread.threadId(),
                "main".equals(thread.getName()) && !thread.isVirtual(),
                createdAt, new WeakReference<>(thread));
        this.vc = inherited == null ? new Clock() : inherited;
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

        /** @return Go's name of the goroutine: {@code main goroutine} or {@code goroutine N} */
        String name() {
            return mainThread ? "main goroutine" : "goroutine " + goid;
        }
    }
}
