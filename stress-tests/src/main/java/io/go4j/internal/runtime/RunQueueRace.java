package io.go4j.internal.runtime;

/**
 * One round of a worker's {@link RunQueue} raced by its owner and a thief, for the jcstress test
 * {@code io.go4j.stress.runtime.RunQueueStealTakesEachTaskOnce}. {@code RunQueue} is internal to
 * go4j-core (package-private, in a package the module does not export); the stress tests run on
 * the class path, where this class, in the same package, reaches it.
 *
 * <p>The victim's queue starts with tasks 0, 1, 2 in its ring and task 3 in {@code runnext}.
 * The owner readies task 4 into {@code runnext} (queueing the task it displaces, as a worker
 * does), then takes two tasks as a worker takes its next ones: {@code runnext} first, then the
 * ring. The thief steals half of the ring into its own empty queue, keeping one to run, then
 * takes whatever {@code runnext} holds. {@link #tally} then drains both queues and counts how
 * often each task was taken.
 */
public final class RunQueueRace {

    private static final int TASKS = 5;

    private final Runnable[] tasks = new Runnable[TASKS];
    private final RunQueue victim = new RunQueue();
    private final RunQueue thiefQueue = new RunQueue();
    private final int[] takenByOwner = new int[TASKS];
    private final int[] takenByThief = new int[TASKS];

    /** A fresh round: tasks 0-2 in the victim's ring, task 3 in its {@code runnext}. */
    public RunQueueRace() {
        for (int i = 0; i < TASKS; i++) {
            int id = i;
            tasks[i] = () -> { throw new AssertionError("task " + id + " is never run"); };
        }
        for (int i = 0; i < 3; i++) {
            victim.offer(tasks[i]);
        }
        victim.putNext(tasks[3]);
    }

    /** The victim's own worker: readies task 4, then takes two tasks. */
    public void owner() {
        Runnable displaced = victim.putNext(tasks[4]);
        if (displaced != null) {
            victim.offer(displaced);
        }
        for (int i = 0; i < 2; i++) {
            Runnable next = victim.pollRunnext();
            count(takenByOwner, next != null ? next : victim.pollRing());
        }
    }

    /** Another worker: steals half of the victim's ring, then its {@code runnext}. */
    public void thief() {
        count(takenByThief, victim.stealInto(thiefQueue));
        Runnable next = victim.peekRunnext();
        if (next != null && victim.stealRunnext(next)) {
            count(takenByThief, next);
        }
    }

    /**
     * After both: drains the victim's queue and the thief's (what the thief moved there is the
     * thief's).
     *
     * @return how many of the five tasks were taken exactly once (5 unless one was lost or taken
     *     twice), and how many of them the thief got
     */
    public int[] tally() {
        int[] leftOver = new int[TASKS];
        for (Runnable t; (t = victim.pollRunnext()) != null; ) {
            count(leftOver, t);
        }
        for (Runnable t; (t = victim.pollRing()) != null; ) {
            count(leftOver, t);
        }
        for (Runnable t; (t = thiefQueue.pollRing()) != null; ) {
            count(takenByThief, t);
        }
        int once = 0;
        int byThief = 0;
        for (int i = 0; i < TASKS; i++) {
            if (takenByOwner[i] + takenByThief[i] + leftOver[i] == 1) {
                once++;
            }
            byThief += takenByThief[i];
        }
        return new int[] {once, byThief};
    }

    private void count(int[] counts, Runnable task) {
        if (task == null) {
            return;
        }
        for (int i = 0; i < TASKS; i++) {
            if (tasks[i] == task) {
                counts[i]++;
                return;
            }
        }
        throw new AssertionError("a task that was never queued: " + task);
    }
}
