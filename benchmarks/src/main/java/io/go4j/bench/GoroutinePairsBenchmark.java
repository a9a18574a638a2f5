package io.go4j.bench;

import com.softwaremill.jox.Channel;
import io.go4j.Chan;
import io.go4j.bench.kotlin.KotlinChannels;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Many goroutine pairs at once: {@code pairs} sender/receiver pairs (1,000 or 10,000), each
 * moving its share of {@value #ITEMS} items over its own channel of {@code capacity} (0, 16 and
 * 100: unbuffered, and the buffered rows of Jox's published benchmarks), all running
 * together on the few carrier threads; nanoseconds per item.
 *
 * <p>Every invocation starts {@code 2 * pairs} virtual threads (go4j: goroutines), one sender and
 * one receiver per pair, and waits for all of them, so their start-up is part of what is
 * measured, spread over {@value #ITEMS} items ({@code ITEMS / pairs} per pair, 200 with the
 * 1,000 pairs; 20 with 10,000, DESIGN.md's workload). The contenders: go4j's
 * {@code Chan.make(capacity)}, {@link SynchronousQueue} (an {@code ArrayBlockingQueue} when
 * buffered, {@code jdkQueue}), Jox's rendezvous or buffered channel, and Kotlin's
 * {@code Channel<Any>(capacity)} on coroutines of {@code Dispatchers.Default} ({@code kotlin},
 * see {@code KotlinChannels}). Target (DESIGN.md): go4j no slower than Jox and than
 * JDK virtual threads with {@code SynchronousQueue}.
 *
 * <p>Go twin (unbuffered only): no benchmark of Go's runtime; the same program with {@code go} and
 * {@code make(chan int)} per pair, and a {@code sync.WaitGroup} to wait for them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class GoroutinePairsBenchmark {

    /** Items moved per invocation, by all pairs together. */
    static final int ITEMS = 200_000;

    /** How many sender/receiver pairs run at once; must divide {@link #ITEMS}. */
    @Param({"1000", "10000"})
    public int pairs;

    /** The capacity of every pair's channel; 0 is unbuffered. */
    @Param({"0", "16", "100"})
    public int capacity;

    private int perPair;

    @Setup
    public void setUp() {
        if (pairs <= 0 || ITEMS % pairs != 0 || ITEMS / pairs > Items.MAX) {
            throw new IllegalArgumentException("pairs must divide " + ITEMS + " into at most "
                    + Items.MAX + " items per pair, was " + pairs);
        }
        perPair = ITEMS / pairs;
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void go4j() throws InterruptedException {
        Workers w = Workers.goroutines();
        for (int p = 0; p < pairs; p++) {
            Chan<Integer> c = Chan.make(capacity);
            w.startStream(perPair, c::send, c::receive);
        }
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void jdkQueue() throws InterruptedException {
        Workers w = Workers.virtualThreads();
        for (int p = 0; p < pairs; p++) {
            BlockingQueue<Integer> q = Contenders.jdkQueue(capacity);
            w.startStream(perPair, q::put, q::take);
        }
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void jox() throws InterruptedException {
        Workers w = Workers.virtualThreads();
        for (int p = 0; p < pairs; p++) {
            Channel<Integer> c = Contenders.jox(capacity);
            w.startStream(perPair, c::send, c::receive);
        }
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void kotlin() {
        long sum = KotlinChannels.pairs(pairs, capacity, perPair);
        Items.check(sum, pairs * Items.sumOfFirst(perPair));
    }
}
