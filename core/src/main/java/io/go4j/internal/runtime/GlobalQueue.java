package io.go4j.internal.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;

/**
 * The scheduler's global run queue: Go's {@code sched.runq}.
 *
 * <p>Tasks arrive here from threads that are not workers (a platform thread starting goroutines,
 * the JDK's timer thread ending a timed park), from {@code Go.gosched()}, and as the overflow of
 * a full local queue. Any thread may add; workers take, in batches, one at a time: Go guards the
 * same queue with {@code sched.lock}. So a lock-free multi-producer single-consumer queue fits,
 * with a try-lock that lets one worker at a time be its consumer; a worker that finds another
 * one draining looks elsewhere for work instead of waiting.
 */
final class GlobalQueue {

    private final MpscUnboundedAtomicArrayQueue<Runnable> queue =
            new MpscUnboundedAtomicArrayQueue<>(1024);
    private final AtomicBoolean consumer = new AtomicBoolean();

    void offer(Runnable task) {
        queue.offer(task);
    }

    void offerAll(Runnable[] tasks) {
        for (Runnable task : tasks) {
            queue.offer(task);
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Takes a task to run and moves a fair share of the rest into {@code into}: Go's
     * {@code globrunqget}, at most {@code size / workers + 1} in all and at most half a local
     * queue, so that one worker does not take everything from the others. No more than
     * {@code into} has room for is taken, so that nothing goes back: the queue stays FIFO.
     *
     * @return a task, or null if the queue is empty or another worker is taking from it
     */
    Runnable poll(RunQueue into, int workers) {
        if (queue.isEmpty() || !consumer.compareAndSet(false, true)) {
            return null;
        }
        try {
            Runnable first = queue.poll();
            int more = Math.min(Math.min(queue.size() / workers, RunQueue.CAPACITY / 2),
                    into.room());
            for (int i = 0; i < more; i++) {
                Runnable task = queue.poll();
                if (task == null) {
                    break;
                }
                boolean queued = into.offer(task);
                assert queued : "room() promised a slot";
            }
            return first;
        } finally {
            consumer.set(false);
        }
    }

    /** Takes one task, for the fairness check every 61 ticks; null if none or busy. */
    Runnable pollOne() {
        if (queue.isEmpty() || !consumer.compareAndSet(false, true)) {
            return null;
        }
        try {
            return queue.poll();
        } finally {
            consumer.set(false);
        }
    }
}
