package io.go4j.bench.sync;

import io.go4j.sync.Once;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calling a run-once action that has already run, from {@value #PROCS} threads at once: the twin
 * of Go's {@code BenchmarkOnce} ({@code sync/once_test.go}), whose {@code b.RunParallel} loop
 * calls {@code once.Do(f)} with an empty {@code f}. After the first call everything is the fast
 * path, so this measures what every later caller pays.
 *
 * <p>The JDK has no {@code Once}; its idioms are the counterparts:
 * <ul>
 *   <li>{@code once_doubleCheckedLocking}: a volatile flag checked before and again inside a
 *       {@code synchronized} block, which is what go4j's {@link Once} does with its own
 *       {@code Mutex}, and has the same guarantee: no caller returns before the action has
 *       finished. The honest counterpart.
 *   <li>{@code once_atomicBoolean}: the first caller to flip an {@link AtomicBoolean} runs the
 *       action. Its fast path is the same volatile read, but it is <em>weaker</em>: a concurrent
 *       caller may return while the first is still running the action, which Go's {@code Once}
 *       forbids. Shown as a floor.
 * </ul>
 * (The class-initialization holder idiom serves only static singletons, so it is left out.)
 *
 * <p>Go's {@code b.RunParallel} becomes {@value #PROCS} JMH (platform) threads, the machine's
 * cores; JMH reports each thread's average time per call. Target: DESIGN.md's rule for go4j's
 * {@code sync} primitives, each no slower (ns/op) than its JDK counterpart, here the
 * double-checked-locking holder.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(OnceBenchmark.PROCS)
public class OnceBenchmark {

    /** GOMAXPROCS: the machine's cores, the parallelism of Go's {@code b.RunParallel}. */
    static final int PROCS = 2;

    /** The classic double-checked-locking once. */
    static final class DoubleCheckedOnce {
        private volatile boolean done;

        void run(Runnable f) {
            if (!done) {
                runSlow(f);
            }
        }

        private synchronized void runSlow(Runnable f) {
            if (!done) {
                try {
                    f.run();
                } finally {
                    done = true;
                }
            }
        }
    }

    /** The CAS once: whoever flips the flag runs {@code f}; the others do not wait for it. */
    static final class AtomicBooleanOnce {
        private final AtomicBoolean started = new AtomicBoolean();

        void run(Runnable f) {
            if (!started.get() && started.compareAndSet(false, true)) {
                f.run();
            }
        }
    }

    /** One once of each kind, shared by all threads, and Go's empty {@code f}. */
    @State(Scope.Benchmark)
    public static class Shared {
        final Once once = new Once();
        final DoubleCheckedOnce doubleChecked = new DoubleCheckedOnce();
        final AtomicBooleanOnce atomicBoolean = new AtomicBooleanOnce();
        final Runnable f = () -> { };
    }

    @Benchmark
    public void once_go4j(Shared s) {
        s.once.run(s.f);
    }

    @Benchmark
    public void once_doubleCheckedLocking(Shared s) {
        s.doubleChecked.run(s.f);
    }

    @Benchmark
    public void once_atomicBoolean(Shared s) {
        s.atomicBoolean.run(s.f);
    }
}
