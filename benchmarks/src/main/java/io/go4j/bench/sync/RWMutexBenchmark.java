package io.go4j.bench.sync;

import io.go4j.bench.LocalWork;
import io.go4j.bench.Workers;
import io.go4j.sync.RWMutex;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A mix of read and write locking on one shared lock, the twins of Go's
 * {@code benchmarkRWMutex} ({@code sync/rwmutex_test.go}): go4j's {@link RWMutex} against its
 * JDK counterpart {@link ReentrantReadWriteLock} (non-fair, the default) and against
 * {@link StampedLock} with its pessimistic {@code readLock}/{@code writeLock} (an optimistic read
 * has no Go counterpart and would not hold the lock across the work). Target (DESIGN.md): go4j's
 * {@code RWMutex} no slower (ns/op) than {@code ReentrantReadWriteLock}.
 *
 * <p>Each operation increments the thread's {@code foo}; every {@code writeRatio}-th one
 * write-locks and unlocks at once, the others read-lock, do {@code localWork} rounds of
 * {@code foo *= 2; foo /= 2} and read-unlock. {@code twin} picks Go's benchmark:
 * {@code Write100} ({@code BenchmarkRWMutexWrite100}: ratio 100, no work), {@code Write10}
 * ({@code BenchmarkRWMutexWrite10}: ratio 10, no work) and {@code WorkWrite100}
 * ({@code BenchmarkRWMutexWorkWrite100}: ratio 100, 100 rounds of work under the read lock).
 *
 * <p><b>Platform threads</b> ({@code rwMutex_*}): Go's {@code b.RunParallel} becomes
 * {@value #PROCS} JMH threads, the machine's cores; JMH reports each thread's average time per
 * operation (about {@value #PROCS} times Go's ns/op when the threads do not wait for each
 * other). <b>Goroutines</b> ({@code rwMutexOnGoroutines_*}): {@value #PROCS} goroutines
 * ({@code Go.go}) share {@value #OPS} operations and the score is the wall time divided by
 * {@value #OPS}, Go's definition of ns/op; {@code ReentrantReadWriteLock} runs on goroutines too,
 * so that only the lock differs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RWMutexBenchmark {

    /** GOMAXPROCS: the machine's cores, the parallelism of Go's {@code b.RunParallel}. */
    static final int PROCS = 2;
    /** Operations per invocation of a goroutine variant, all goroutines together. */
    static final int OPS = 100_000;

    /** The locks, shared by all threads, and the Go benchmark they replay. */
    @State(Scope.Benchmark)
    public static class Shared {

        /** Which of Go's benchmarks: {@code Write100}, {@code Write10} or {@code WorkWrite100}. */
        @Param({"Write100", "Write10", "WorkWrite100"})
        public String twin;

        int writeRatio;
        int localWork;

        final RWMutex rwMutex = new RWMutex();
        final ReentrantReadWriteLock reentrant = new ReentrantReadWriteLock();
        final ReentrantReadWriteLock.ReadLock readLock = reentrant.readLock();
        final ReentrantReadWriteLock.WriteLock writeLock = reentrant.writeLock();
        final StampedLock stamped = new StampedLock();
        /** Where the goroutines leave their {@code foo}, so that the JIT keeps the work. */
        volatile int sink;

        @Setup
        public void setUp() {
            switch (twin) {
                case "Write100" -> {
                    writeRatio = 100;
                    localWork = 0;
                }
                case "Write10" -> {
                    writeRatio = 10;
                    localWork = 0;
                }
                case "WorkWrite100" -> {
                    writeRatio = 100;
                    localWork = 100;
                }
                default -> throw new IllegalArgumentException("unknown twin " + twin);
            }
        }
    }

    /** Go's per-goroutine {@code foo}. */
    @State(Scope.Thread)
    public static class Local {
        int foo;
    }

    // ---- platform threads ----

    @Benchmark
    @Threads(PROCS)
    public void rwMutex_go4j(Shared s, Local l) {
        l.foo = go4jOp(s, l.foo);
    }

    @Benchmark
    @Threads(PROCS)
    public void rwMutex_reentrantReadWriteLock(Shared s, Local l) {
        l.foo = reentrantOp(s, l.foo);
    }

    @Benchmark
    @Threads(PROCS)
    public void rwMutex_stampedLock(Shared s, Local l) {
        int foo = l.foo + 1;
        StampedLock sl = s.stamped;
        if (foo % s.writeRatio == 0) {
            sl.unlockWrite(sl.writeLock());
        } else {
            long stamp = sl.readLock();
            foo = LocalWork.run(foo, s.localWork);
            sl.unlockRead(stamp);
        }
        l.foo = foo;
    }

    // ---- goroutines ----

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void rwMutexOnGoroutines_go4j(Shared s) throws InterruptedException {
        int each = OPS / PROCS;
        Workers w = Workers.goroutines();
        for (int g = 0; g < PROCS; g++) {
            w.start(() -> {
                int foo = 0;
                for (int i = 0; i < each; i++) {
                    foo = go4jOp(s, foo);
                }
                s.sink = foo;
            });
        }
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void rwMutexOnGoroutines_reentrantReadWriteLock(Shared s) throws InterruptedException {
        int each = OPS / PROCS;
        Workers w = Workers.goroutines();
        for (int g = 0; g < PROCS; g++) {
            w.start(() -> {
                int foo = 0;
                for (int i = 0; i < each; i++) {
                    foo = reentrantOp(s, foo);
                }
                s.sink = foo;
            });
        }
        w.joinAll();
    }

    /** One pass of Go's loop body on the go4j lock; returns the new {@code foo}. */
    private static int go4jOp(Shared s, int foo) {
        foo++;
        RWMutex rw = s.rwMutex;
        if (foo % s.writeRatio == 0) {
            rw.lock();
            rw.unlock();
        } else {
            rw.rLock();
            foo = LocalWork.run(foo, s.localWork);
            rw.rUnlock();
        }
        return foo;
    }

    /** One pass of Go's loop body on the {@code ReentrantReadWriteLock}. */
    private static int reentrantOp(Shared s, int foo) {
        foo++;
        if (foo % s.writeRatio == 0) {
            s.writeLock.lock();
            s.writeLock.unlock();
        } else {
            s.readLock.lock();
            foo = LocalWork.run(foo, s.localWork);
            s.readLock.unlock();
        }
        return foo;
    }
}
