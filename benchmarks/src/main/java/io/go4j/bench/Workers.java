package io.go4j.bench;

import io.go4j.Go;
import io.go4j.runtime.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The producer and consumer threads of one benchmark invocation. go4j bodies run as goroutines
 * ({@link Go#go}), the others as plain JDK virtual threads, which is what a user of each library
 * would write, or, in the workloads that compare with them, as platform threads.
 * {@link #joinAll()} waits for all of them, so no thread outlives the invocation that started it,
 * and turns a failure or a hang of any of them into an exception that fails the benchmark instead
 * of a silent wrong number or a stuck run.
 */
public final class Workers {

    /** A thread body that may throw, as blocking JDK and Jox calls do. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /** Sends one item, as a producer does; may block. */
    @FunctionalInterface
    public interface Sender {
        void send(Integer item) throws Exception;
    }

    /** Receives one item, as a consumer does; may block. */
    @FunctionalInterface
    public interface Receiver {
        Integer receive() throws Exception;
    }

    /**
     * Go's default GOMAXPROCS, the CPU count: how many goroutines Go's {@code b.RunParallel} and
     * its GOMAXPROCS-sized runtime benchmarks run, and so their twins here.
     */
    public static final int GOMAXPROCS = Runtime.getRuntime().availableProcessors();

    /** Longer than any sane invocation; past it the benchmark is deadlocked. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Function<Runnable, Thread> starter;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Workers(Function<Runnable, Thread> starter) {
        this.starter = starter;
    }

    /** Threads started with go4j's {@link Go#go}, on the default scheduler. */
    public static Workers goroutines() {
        return new Workers(Go::go);
    }

    /** Goroutines of {@code scheduler} ({@link Scheduler#go}), for a set number of procs. */
    public static Workers goroutines(Scheduler scheduler) {
        return new Workers(scheduler::go);
    }

    /** Threads started with {@link Thread#ofVirtual()}, on the JDK's default scheduler. */
    public static Workers virtualThreads() {
        return new Workers(Thread::startVirtualThread);
    }

    /** Daemon platform threads, one operating-system thread each. */
    public static Workers platformThreads() {
        return new Workers(task -> Thread.ofPlatform().daemon().start(task));
    }

    /**
     * Starts {@code body} on a new virtual thread of this group.
     *
     * @return the thread, for a benchmark that needs to see its state
     */
    public Thread start(Body body) {
        Runnable task = () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        Thread thread = starter.apply(task);
        threads.add(thread);
        return thread;
    }

    /**
     * Starts {@code task} on a new thread of this group's kind without tracking it, for the
     * benchmarks that start far more threads than are worth joining one by one (any thread may
     * call it). Such a benchmark waits for the untracked threads through a latch they count down,
     * with {@link #await(CountDownLatch)}; an exception in {@code task} leaves the latch short, so
     * it fails the benchmark there.
     */
    public void spawn(Runnable task) {
        starter.apply(task);
    }

    /**
     * Waits until {@code latch} reaches zero.
     *
     * @throws IllegalStateException if it did not within a minute (a deadlock or a failed thread)
     */
    public static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(PATIENCE.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException(latch + " not released within " + PATIENCE
                    + ": deadlock, or a thread failed?");
        }
    }

    /**
     * Starts one stream, the shape of the channel benchmarks: a consumer that receives
     * {@code items} items and checks that they add up, and a producer that sends items
     * {@code 0 .. items-1}.
     */
    public void startStream(int items, Sender sender, Receiver receiver) {
        start(() -> {
            long sum = 0;
            for (int i = 0; i < items; i++) {
                sum += receiver.receive();
            }
            Items.check(sum, Items.sumOfFirst(items));
        });
        start(() -> {
            for (int i = 0; i < items; i++) {
                sender.send(Items.get(i));
            }
        });
    }

    /**
     * Waits until every thread of the group has finished.
     *
     * @throws IllegalStateException if a thread failed, or if they did not all finish within a
     *     minute (a deadlock: the stuck ones are daemon threads and die with the forked JVM)
     */
    public void joinAll() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (Thread t : threads) {
            long left = Math.max(1, deadline - System.nanoTime());
            if (!t.join(Duration.ofNanos(left))) {
                throw new IllegalStateException(
                        t + " did not finish within " + PATIENCE + ": deadlock?", failure.get());
            }
        }
        threads.clear();
        Throwable t = failure.getAndSet(null);
        if (t != null) {
            throw new IllegalStateException("a benchmark thread failed", t);
        }
    }
}
