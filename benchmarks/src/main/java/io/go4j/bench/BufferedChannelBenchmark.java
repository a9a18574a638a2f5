package io.go4j.bench;

import com.softwaremill.jox.Channel;
import io.go4j.Chan;
import io.go4j.bench.kotlin.KotlinChannels;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A stream through a bounded buffer, one producer to one consumer: nanoseconds per item for
 * buffer capacities {@code 16} and {@code 100}.
 *
 * <p>Each invocation starts a producer and a consumer, each on its own virtual thread (go4j: a
 * goroutine), streams {@value #ITEMS} items and waits for both. The contenders: go4j's
 * {@code Chan.make(capacity)}, {@link ArrayBlockingQueue} of that capacity, Jox's
 * {@code Channel.newBufferedChannel(capacity)}, Kotlin's {@code Channel<Any>(capacity)} between
 * two coroutines of {@code Dispatchers.Default} ({@code kotlin}, see {@code KotlinChannels}),
 * and, as an unbounded reference that never blocks the producer, {@link LinkedTransferQueue}
 * with {@code put}/{@code take} (it ignores the capacity). Target (DESIGN.md): go4j at most
 * 1.0x {@code ArrayBlockingQueue} and Jox.
 *
 * <p>Go twin: the producer/consumer loop over {@code make(chan int, capacity)}; for capacity 100
 * the closest benchmark of Go's runtime is {@code BenchmarkChanProdCons100}, which runs
 * GOMAXPROCS producers and consumers rather than one of each.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class BufferedChannelBenchmark {

    /** Items moved per invocation. */
    static final int ITEMS = 10_000;

    /** The buffer's capacity. */
    @Param({"16", "100"})
    public int capacity;

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void go4j() throws InterruptedException {
        Chan<Integer> c = Chan.make(capacity);
        Workers w = Workers.goroutines();
        w.startStream(ITEMS, c::send, c::receive);
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void arrayBlockingQueue() throws InterruptedException {
        ArrayBlockingQueue<Integer> q = new ArrayBlockingQueue<>(capacity);
        Workers w = Workers.virtualThreads();
        w.startStream(ITEMS, q::put, q::take);
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void jox() throws InterruptedException {
        Channel<Integer> c = Channel.newBufferedChannel(capacity);
        Workers w = Workers.virtualThreads();
        w.startStream(ITEMS, c::send, c::receive);
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void kotlin() {
        Items.check(KotlinChannels.stream(capacity, ITEMS), Items.sumOfFirst(ITEMS));
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void linkedTransferQueue() throws InterruptedException {
        LinkedTransferQueue<Integer> q = new LinkedTransferQueue<>();
        Workers w = Workers.virtualThreads();
        w.startStream(ITEMS, q::put, q::take);
        w.joinAll();
    }
}
