package io.go4j.race;

import java.lang.ref.WeakReference;

/**
 * A thread's (a goroutine's) side of FastTrack: its number, its vector clock, and what a report
 * says of it. Only the thread itself changes its clock, except before it starts (its parent sets
 * it) and after it ended (a join reads it): {@code Thread.start} and {@code join} order those.
 */
final class ThreadState {

    /** Dense number, the index of this thread's entry in every vector clock. */
    final int tid;
    /** What a report says of this thread; outlives the state, which goes with the thread. */
    final Who who;
    int[] vc;

    ThreadState(int tid, Thread thread, int[] inherited, StackTraceElement[] createdAt) {
        this.tid = tid;
        this.who = new Who(thread.threadId(), "main".equals(thread.getName()) && !thread.isVirtual(),
                createdAt, new WeakReference<>(thread));
        int[] vc = inherited == null ? new int[tid + 1] : inherited.clone();
        this.vc = Clock.set(vc, tid, Clock.get(vc, tid) + 1);
    }

    long epoch() {
        return Clock.epoch(tid, vc[tid]);
    }

    /** Starts a new epoch: accesses from now on are not ordered by what was released before. */
    void tick() {
        vc[tid]++;
    }

    /**
     * A thread as reports name it.
     *
     * @param goid the thread's id, which go4j also uses as the goroutine's id
     * @param mainThread whether it is the JVM's main thread (Go's main goroutine)
     * @param createdAt where it was started; empty when not by instrumented code or go4j
     * @param thread the thread, while it is reachable
     */
    record Who(long goid, boolean mainThread, StackTraceElement[] createdAt, WeakReference<Thread> thread) {

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
