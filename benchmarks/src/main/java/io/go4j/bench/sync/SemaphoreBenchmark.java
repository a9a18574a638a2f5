package io.go4j.bench.sync;

import io.go4j.bench.Workers;
import io.go4j.sync.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Acquire then release one unit of a semaphore of size 1: go4j's {@link Semaphore} (Go's
 * {@code x/sync/semaphore.Weighted}) against {@link java.util.concurrent.Semaphore}, both in its
 * default non-fair mode and in fair mode. Fair mode is the semantic match: go4j's semaphore, like
 * Go's, takes a free unit at once only while nobody is queued and otherwise serves waiters
 * strictly in FIFO order, which is also what a fair JDK semaphore does; the non-fair one lets a
 * newcomer barge past the queue, which is faster under contention and what most Java code uses.
 * Target: DESIGN.md's rule for go4j's {@code sync} primitives, each no slower (ns/op) than its
 * JDK counterpart.
 *
 * <p>Go twins: {@code BenchmarkUncontendedSemaphore} and {@code BenchmarkContendedSemaphore} of
 * {@code sync/mutex_test.go}, which hammer acquire/release on a semaphore holding 1 from one
 * goroutine, and from two goroutines with GOMAXPROCS=2. They exercise the runtime's internal
 * semaphore (the one under Go's {@code Mutex}), which has no public API; {@code Weighted} is the
 * semaphore a Go program uses, and go4j's.
 * <ul>
 *   <li>{@code semaphoreUncontended_*}: one JMH thread, its own semaphore.
 *   <li>{@code semaphoreContended_*}: {@value #PROCS} JMH (platform) threads share one semaphore;
 *       JMH reports each thread's average time per acquire/release pair.
 *   <li>{@code semaphoreContendedOnGoroutines_*}: Go's shape exactly, {@value #PROCS} goroutines
 *       ({@code Go.go}) sharing {@value #OPS} pairs, scored as wall time / {@value #OPS} (Go's
 *       ns/op). The JDK semaphores run on goroutines too, so that only the semaphore differs.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SemaphoreBenchmark {

    /** GOMAXPROCS of {@code BenchmarkContendedSemaphore}, and the machine's cores. */
    static final int PROCS = 2;
    /** Acquire/release pairs per invocation of a goroutine variant, all goroutines together. */
    static final int OPS = 100_000;

    /** Semaphores of size 1, one set per JMH thread or shared, as the benchmark declares. */
    public static class Semaphores {
        final Semaphore go4j = new Semaphore(1);
        final java.util.concurrent.Semaphore jdk = new java.util.concurrent.Semaphore(1);
        final java.util.concurrent.Semaphore jdkFair = new java.util.concurrent.Semaphore(1, true);
    }

    /** Per-thread semaphores. */
    @State(Scope.Thread)
    public static class Own extends Semaphores {
    }

    /** Semaphores shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared extends Semaphores {
    }

    // ---- BenchmarkUncontendedSemaphore ----

    @Benchmark
    public void semaphoreUncontended_go4j(Own o) {
        o.go4j.acquire(1);
        o.go4j.release(1);
    }

    @Benchmark
    public void semaphoreUncontended_jdk(Own o) throws InterruptedException {
        o.jdk.acquire();
        o.jdk.release();
    }

    // ---- BenchmarkContendedSemaphore on platform threads ----

    @Benchmark
    @Threads(PROCS)
    public void semaphoreContended_go4j(Shared s) {
        s.go4j.acquire(1);
        s.go4j.release(1);
    }

    @Benchmark
    @Threads(PROCS)
    public void semaphoreContended_jdk(Shared s) throws InterruptedException {
        s.jdk.acquire();
        s.jdk.release();
    }

    @Benchmark
    @Threads(PROCS)
    public void semaphoreContended_jdkFair(Shared s) throws InterruptedException {
        s.jdkFair.acquire();
        s.jdkFair.release();
    }

    // ---- BenchmarkContendedSemaphore on goroutines ----

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void semaphoreContendedOnGoroutines_go4j(Shared s) throws InterruptedException {
        Semaphore sem = s.go4j;
        int each = OPS / PROCS;
        Workers w = Workers.goroutines();
        for (int g = 0; g < PROCS; g++) {
            w.start(() -> {
                for (int i = 0; i < each; i++) {
                    sem.acquire(1);
                    sem.release(1);
                }
            });
        }
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void semaphoreContendedOnGoroutines_jdk(Shared s) throws InterruptedException {
        jdkOnGoroutines(s.jdk);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void semaphoreContendedOnGoroutines_jdkFair(Shared s) throws InterruptedException {
        jdkOnGoroutines(s.jdkFair);
    }

    /** {@value #PROCS} goroutines share {@link #OPS} acquire/release pairs of {@code sem}. */
    private static void jdkOnGoroutines(java.util.concurrent.Semaphore sem)
            throws InterruptedException {
        int each = OPS / PROCS;
        Workers w = Workers.goroutines();
        for (int g = 0; g < PROCS; g++) {
            w.start(() -> {
                for (int i = 0; i < each; i++) {
                    sem.acquire();
                    sem.release();
                }
            });
        }
        w.joinAll();
    }
}
