package io.go4j.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local run queue: FIFO for its owner, runnext first, and no task lost or run twice under
 * theft.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunQueueTest {

    /** The owner's order, as a worker takes its tasks: {@code runnext}, then the ring. */
    private static Runnable take(RunQueue q) {
        Runnable next = q.pollRunnext();
        return next != null ? next : q.pollRing();
    }

    /** A task that knows its number. */
    private record Task(int id) implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void ownerTakesRunnextFirstThenTheRingInOrder() {
        RunQueue q = new RunQueue();
        Task a = new Task(1);
        Task b = new Task(2);
        Task c = new Task(3);
        assertTrue(q.offer(a));
        assertTrue(q.offer(b));
        assertNull(q.putNext(c));
        assertSame(c, take(q));
        assertSame(a, take(q));
        assertSame(b, take(q));
        assertNull(take(q));
    }

    @Test
    void runnextDisplacesTheTaskItHeld() {
        RunQueue q = new RunQueue();
        Task a = new Task(1);
        Task b = new Task(2);
        assertNull(q.putNext(a));
        assertSame(a, q.putNext(b));
    }

    @Test
    void aFullRingRefusesAndSpillsItsOlderHalf() {
        RunQueue q = new RunQueue();
        for (int i = 0; i < RunQueue.CAPACITY; i++) {
            assertTrue(q.offer(new Task(i)));
        }
        assertTrue(!q.offer(new Task(-1)));
        Runnable[] half = q.spillHalf();
        assertEquals(RunQueue.CAPACITY / 2, half.length);
        for (int i = 0; i < half.length; i++) {
            assertEquals(i, ((Task) half[i]).id());
        }
        assertEquals(RunQueue.CAPACITY / 2, ((Task) take(q)).id());
    }

    @Test
    void aThiefTakesHalfAndRunsTheOldest() {
        RunQueue victim = new RunQueue();
        RunQueue thief = new RunQueue();
        for (int i = 0; i < 10; i++) {
            victim.offer(new Task(i));
        }
        assertEquals(0, ((Task) victim.stealInto(thief)).id());
        List<Integer> stolen = drain(thief);
        assertEquals(List.of(1, 2, 3, 4), stolen);
        assertEquals(List.of(5, 6, 7, 8, 9), drain(victim));
    }

    @Test
    void runnextIsLeftToItsOwnerByTheRingThief() {
        RunQueue victim = new RunQueue();
        RunQueue thief = new RunQueue();
        Task a = new Task(1);
        victim.putNext(a);
        assertNull(victim.stealInto(thief));
        assertEquals(1, victim.runnextPuts());
        assertTrue(victim.stealRunnext(a));
        assertFalse(victim.stealRunnext(a));
        assertNull(take(victim));
    }

    /**
     * The owner adds and takes while two thieves steal: every task is taken exactly once. Run
     * for a fixed number of tasks, with the owner spilling to its own overflow list when full.
     */
    @Test
    void underTheftEveryTaskIsTakenExactlyOnce() throws InterruptedException {
        int tasks = 2_000_000;
        RunQueue owner = new RunQueue();
        AtomicIntegerArray taken = new AtomicIntegerArray(tasks);
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> thieves = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            thieves.add(Thread.ofPlatform().start(() -> {
                RunQueue mine = new RunQueue();
                while (!done.get()) {
                    Runnable stolen = owner.stealInto(mine);
                    Runnable next = owner.peekRunnext();
                    Runnable first = stolen != null ? stolen : next != null
                            && owner.stealRunnext(next) ? next : null;
                    if (first != null) {
                        taken.incrementAndGet(((Task) first).id());
                        for (Runnable r; (r = take(mine)) != null; ) {
                            taken.incrementAndGet(((Task) r).id());
                        }
                    }
                }
            }));
        }
        List<Runnable> overflow = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Task task = new Task(i);
            if (i % 7 == 0) {
                Runnable displaced = owner.putNext(task);
                if (displaced != null && !owner.offer(displaced)) {
                    overflow.add(displaced);
                }
            } else if (!owner.offer(task)) {
                Runnable[] half = owner.spillHalf();
                if (half != null) {
                    overflow.addAll(List.of(half));
                }
                overflow.add(task);
            }
            if (i % 3 == 0) {
                Runnable r = take(owner);
                if (r != null) {
                    taken.incrementAndGet(((Task) r).id());
                }
            }
        }
        for (Runnable r; (r = take(owner)) != null; ) {
            taken.incrementAndGet(((Task) r).id());
        }
        done.set(true);
        for (Thread t : thieves) {
            t.join();
        }
        for (Runnable r : overflow) {
            taken.incrementAndGet(((Task) r).id());
        }
        for (int i = 0; i < tasks; i++) {
            assertEquals(1, taken.get(i), "task " + i);
        }
    }

    private static List<Integer> drain(RunQueue q) {
        List<Integer> ids = new ArrayList<>();
        for (Runnable r; (r = take(q)) != null; ) {
            ids.add(((Task) r).id());
        }
        return ids;
    }
}
