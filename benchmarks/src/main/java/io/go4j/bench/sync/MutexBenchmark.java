package io.go4j.bench.sync;

import io.go4j.bench.LocalWork;
import io.go4j.bench.Workers;
import io.go4j.sync.Mutex;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
 * Lock then unlock, the twins of Go's {@code sync} mutex benchmarks: go4j's {@link Mutex} against
 * its JDK counterpart {@link ReentrantLock} (non-fair, the default) and, for reference, a
 * {@code synchronized} block. Target (DESIGN.md): go4j's {@code Mutex} no slower (ns/op) than
 * {@code ReentrantLock}.
 *
 * <table>
 *   <caption>Go twins</caption>
 *   <tr><th>methods</th><th>Go benchmark ({@code sync/mutex_test.go})</th><th>shape</th></tr>
 *   <tr><td>{@code mutexUncontended_*}</td><td>{@code BenchmarkMutexUncontended}</td>
 *       <td>{@value #PROCS} threads, each locking its own lock</td></tr>
 *   <tr><td>{@code mutex_*}</td><td>{@code BenchmarkMutex}</td>
 *       <td>{@value #PROCS} threads on one lock, empty critical section</td></tr>
 *   <tr><td>{@code mutexSlack_*}</td><td>{@code BenchmarkMutexSlack}</td>
 *       <td>as {@code mutex}, but {@value #SLACK} threads ({@code b.SetParallelism(10)})</td></tr>
 *   <tr><td>{@code mutexWork_*}</td><td>{@code BenchmarkMutexWork}</td>
 *       <td>as {@code mutex}, plus {@value #WORK} rounds of local work outside the lock</td></tr>
 *   <tr><td>{@code mutexOnGoroutines_*}, {@code mutexSlackOnGoroutines_*}</td>
 *       <td>{@code BenchmarkMutex}, {@code BenchmarkMutexSlack}</td>
 *       <td>the same loops run by {@value #PROCS} (resp. {@value #SLACK}) goroutines</td></tr>
 * </table>
 *
 * <p><b>Platform threads.</b> Go's {@code b.RunParallel} runs the loop body on GOMAXPROCS
 * goroutines; the plain methods run it on {@code @Threads} JMH (platform) threads instead, the
 * machine's {@value #PROCS} cores' worth. JMH reports the average time per operation <em>of each
 * thread</em>, so where the threads do not block one another (the uncontended case) the score is
 * about {@value #PROCS} times Go's ns/op, which divides the wall time by the operations of all
 * goroutines together. Within one Go twin, every contender runs the same way, so they compare.
 *
 * <p><b>Goroutines.</b> The {@code *OnGoroutines_*} methods start {@value #PROCS} (or
 * {@value #SLACK}) goroutines ({@code Go.go}) that share {@value #OPS} lock/unlock pairs, wait for
 * them, and report the wall time divided by {@value #OPS}: Go's own definition of ns/op. The
 * {@code ReentrantLock} contender runs on goroutines too, so that only the lock differs, not the
 * scheduler; the goroutine start-up is spread over the {@value #OPS} operations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MutexBenchmark {

    /** GOMAXPROCS: the machine's cores, the parallelism of Go's {@code b.RunParallel}. */
    static final int PROCS = 2;
    /** {@code b.SetParallelism(10)} of the slack variants: 10 threads per core. */
    static final int SLACK = 10 * PROCS;
    /** Rounds of Go's {@code foo *= 2; foo /= 2} in {@code BenchmarkMutexWork}. */
    static final int WORK = 100;
    /** Lock/unlock pairs per invocation of a goroutine variant, all goroutines together. */
    static final int OPS = 100_000;

    /** A lock of each kind per JMH thread: Go's {@code PaddedMutex} local to each goroutine. */
    @State(Scope.Thread)
    public static class Own {
        final Mutex mutex = new Mutex();
        final ReentrantLock reentrantLock = new ReentrantLock();
        final Object monitor = new Object();
    }

    /** A lock of each kind shared by all threads of the benchmark. */
    @State(Scope.Benchmark)
    public static class Shared {
        final Mutex mutex = new Mutex();
        final ReentrantLock reentrantLock = new ReentrantLock();
        final Object monitor = new Object();
    }

    /** Go's per-goroutine {@code foo}, the subject of the local work. */
    @State(Scope.Thread)
    public static class Local {
        int foo;
    }

    // ---- BenchmarkMutexUncontended ----

    @Benchmark
    @Threads(PROCS)
    public void mutexUncontended_go4j(Own o) {
        o.mutex.lock();
        o.mutex.unlock();
    }

    @Benchmark
    @Threads(PROCS)
    public void mutexUncontended_reentrantLock(Own o) {
        o.reentrantLock.lock();
        o.reentrantLock.unlock();
    }

    @Benchmark
    @Threads(PROCS)
    public void mutexUncontended_synchronized(Own o) {
        synchronized (o.monitor) {
            // empty, as Go's critical section
        }
    }

    // ---- BenchmarkMutex ----

    @Benchmark
    @Threads(PROCS)
    public void mutex_go4j(Shared s) {
        s.mutex.lock();
        s.mutex.unlock();
    }

    @Benchmark
    @Threads(PROCS)
    public void mutex_reentrantLock(Shared s) {
        s.reentrantLock.lock();
        s.reentrantLock.unlock();
    }

    @Benchmark
    @Threads(PROCS)
    public void mutex_synchronized(Shared s) {
        synchronized (s.monitor) {
            // empty, as Go's critical section
        }
    }

    // ---- BenchmarkMutexSlack ----

    @Benchmark
    @Threads(SLACK)
    public void mutexSlack_go4j(Shared s) {
        s.mutex.lock();
        s.mutex.unlock();
    }

    @Benchmark
    @Threads(SLACK)
    public void mutexSlack_reentrantLock(Shared s) {
        s.reentrantLock.lock();
        s.reentrantLock.unlock();
    }

    // ---- BenchmarkMutexWork ----

    @Benchmark
    @Threads(PROCS)
    public void mutexWork_go4j(Shared s, Local l) {
        s.mutex.lock();
        s.mutex.unlock();
        l.foo = LocalWork.run(l.foo, WORK);
    }

    @Benchmark
    @Threads(PROCS)
    public void mutexWork_reentrantLock(Shared s, Local l) {
        s.reentrantLock.lock();
        s.reentrantLock.unlock();
        l.foo = LocalWork.run(l.foo, WORK);
    }

    // ---- BenchmarkMutex and BenchmarkMutexSlack on goroutines ----

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void mutexOnGoroutines_go4j(Shared s) throws InterruptedException {
        go4jOnGoroutines(s.mutex, PROCS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void mutexOnGoroutines_reentrantLock(Shared s) throws InterruptedException {
        reentrantLockOnGoroutines(s.reentrantLock, PROCS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void mutexSlackOnGoroutines_go4j(Shared s) throws InterruptedException {
        go4jOnGoroutines(s.mutex, SLACK);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void mutexSlackOnGoroutines_reentrantLock(Shared s) throws InterruptedException {
        reentrantLockOnGoroutines(s.reentrantLock, SLACK);
    }

    /** {@code goroutines} goroutines share {@link #OPS} lock/unlock pairs of {@code mu}. */
    private static void go4jOnGoroutines(Mutex mu, int goroutines) throws InterruptedException {
        int each = OPS / goroutines;
        Workers w = Workers.goroutines();
        for (int g = 0; g < goroutines; g++) {
            w.start(() -> {
                for (int i = 0; i < each; i++) {
                    mu.lock();
                    mu.unlock();
                }
            });
        }
        w.joinAll();
    }

    /** As {@link #go4jOnGoroutines}, with a {@code ReentrantLock}, also on goroutines. */
    private static void reentrantLockOnGoroutines(ReentrantLock lock, int goroutines)
            throws InterruptedException {
        int each = OPS / goroutines;
        Workers w = Workers.goroutines();
        for (int g = 0; g < goroutines; g++) {
            w.start(() -> {
                for (int i = 0; i < each; i++) {
                    lock.lock();
                    lock.unlock();
                }
            });
        }
        w.joinAll();
    }
}
