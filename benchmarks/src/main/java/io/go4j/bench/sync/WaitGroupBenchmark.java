package io.go4j.bench.sync;

import io.go4j.sync.WaitGroup;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
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
 * The bookkeeping of a {@code WaitGroup}, the twins of Go's {@code sync/waitgroup_test.go}:
 * go4j's {@link WaitGroup} against {@link CountDownLatch}, the JDK counterpart DESIGN.md names,
 * and {@link Phaser} where the shape fits. Target (DESIGN.md): go4j's {@code WaitGroup} no slower
 * (ns/op) than {@code CountDownLatch}.
 *
 * <p>None of these benchmarks ever blocks, in Go either: they measure the cost of the counter
 * and of a wait that finds it at zero. Go's {@code b.RunParallel} becomes {@value #PROCS} JMH
 * (platform) threads, the machine's cores; JMH reports each thread's average time per operation,
 * about {@value #PROCS} times Go's ns/op where the threads do not contend.
 *
 * <table>
 *   <caption>Go twins and their JDK counterparts</caption>
 *   <tr><th>methods</th><th>Go benchmark</th><th>one operation</th><th>JDK counterparts</th></tr>
 *   <tr><td>{@code waitGroupUncontended_*}</td><td>{@code BenchmarkWaitGroupUncontended}</td>
 *       <td>each thread, on its own WaitGroup: {@code Add(1); Done(); Wait()}</td>
 *       <td>a new {@code CountDownLatch(1)}: {@code countDown(); await()}, since a latch cannot
 *       be reset (so its allocation is part of the cost, as it would be in a program); a
 *       per-thread {@code Phaser}: {@code register(); arriveAndDeregister();
 *       awaitAdvance(phase)}, a reusable round like Go's</td></tr>
 *   <tr><td>{@code waitGroupAddDone_*}</td><td>{@code BenchmarkWaitGroupAddDone}</td>
 *       <td>all threads on one WaitGroup: {@code Add(1); Done()}</td>
 *       <td>a shared {@code Phaser}: {@code register(); arriveAndDeregister()}</td></tr>
 *   <tr><td>{@code waitGroupWait_*}</td><td>{@code BenchmarkWaitGroupWait}</td>
 *       <td>all threads on one WaitGroup at zero: {@code Wait()}</td>
 *       <td>a shared {@code CountDownLatch(0)}: {@code await()}, the exact same shape</td></tr>
 * </table>
 *
 * <p><b>Why a Phaser for {@code AddDone}.</b> No JDK class is a WaitGroup. {@code CountDownLatch}
 * cannot count up, so it has no {@code Add}. An {@code AtomicLong} or {@code LongAdder} counts both
 * ways but nobody can wait on it: it would be a floor (the bare atomic increment that go4j's
 * {@code add} already is), not a counterpart. {@code Phaser} is the one JDK synchronizer whose
 * count goes up ({@code register}) and down ({@code arriveAndDeregister}) and can be waited on
 * until it reaches zero ({@code awaitAdvance}), so it is the closest honest counterpart, with
 * differences that the reader should keep in mind: it waits for a <em>phase</em> to end rather
 * than for a count to be zero, it bounds the count at 65,535 parties, and each time the count
 * falls to zero it advances its phase (the benchmark's count does so constantly). The Phasers
 * here override {@link Phaser#onAdvance} so that reaching zero parties does not terminate them,
 * as a WaitGroup is reusable.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(WaitGroupBenchmark.PROCS)
public class WaitGroupBenchmark {

    /** GOMAXPROCS: the machine's cores, the parallelism of Go's {@code b.RunParallel}. */
    static final int PROCS = 2;

    /** A Phaser that, like a WaitGroup, stays usable after its count has fallen to zero. */
    static final class ReusablePhaser extends Phaser {
        @Override
        protected boolean onAdvance(int phase, int registeredParties) {
            return false;
        }
    }

    /** Per-thread synchronizers: Go's {@code PaddedWaitGroup} local to each goroutine. */
    @State(Scope.Thread)
    public static class Own {
        final WaitGroup waitGroup = new WaitGroup();
        final Phaser phaser = new ReusablePhaser();
        /** The latch of the last round, kept so that it escapes like a real program's would. */
        CountDownLatch latch;
    }

    /** Synchronizers shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        final WaitGroup waitGroup = new WaitGroup();
        final Phaser phaser = new ReusablePhaser();
        final CountDownLatch openLatch = new CountDownLatch(0);
    }

    // ---- BenchmarkWaitGroupUncontended ----

    @Benchmark
    public void waitGroupUncontended_go4j(Own o) {
        WaitGroup wg = o.waitGroup;
        wg.add(1);
        wg.done();
        wg.await();
    }

    @Benchmark
    public void waitGroupUncontended_countDownLatch(Own o) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        o.latch = latch;
        latch.countDown();
        latch.await();
    }

    @Benchmark
    public int waitGroupUncontended_phaser(Own o) {
        Phaser p = o.phaser;
        int phase = p.register();
        p.arriveAndDeregister();
        return p.awaitAdvance(phase);
    }

    // ---- BenchmarkWaitGroupAddDone ----

    @Benchmark
    public void waitGroupAddDone_go4j(Shared s) {
        s.waitGroup.add(1);
        s.waitGroup.done();
    }

    @Benchmark
    public void waitGroupAddDone_phaser(Shared s) {
        s.phaser.register();
        s.phaser.arriveAndDeregister();
    }

    // ---- BenchmarkWaitGroupWait ----

    @Benchmark
    public void waitGroupWait_go4j(Shared s) {
        s.waitGroup.await();
    }

    @Benchmark
    public void waitGroupWait_countDownLatch(Shared s) throws InterruptedException {
        s.openLatch.await();
    }
}
