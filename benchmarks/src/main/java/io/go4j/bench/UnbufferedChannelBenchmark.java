package io.go4j.bench;

import com.softwaremill.jox.Channel;
import io.go4j.Chan;
import io.go4j.bench.kotlin.KotlinChannels;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Unbuffered hand-off, one sender to one receiver: the cost of moving one item through a
 * rendezvous, in nanoseconds per item.
 *
 * <p>Each invocation starts a producer and a consumer, each on its own virtual thread (go4j: a
 * goroutine), moves {@value #ITEMS} items from one to the other and waits for both, so the two
 * thread starts are spread over {@value #ITEMS} items. The contenders: go4j's
 * {@code Chan.make()}, {@link SynchronousQueue} ({@code put}/{@code take}),
 * {@link LinkedTransferQueue} ({@code transfer}/{@code take}), Jox's
 * {@code Channel.newRendezvousChannel()}, and Kotlin's {@code Channel<Any>()} between two
 * coroutines of {@code Dispatchers.Default} ({@code kotlin}, see {@code KotlinChannels}).
 * Target (DESIGN.md): go4j at most 0.8x Jox and at most 1.0x {@code SynchronousQueue}.
 *
 * <p>Go twin: the producer/consumer loop over {@code make(chan int)}; the closest benchmark of
 * Go's runtime is {@code BenchmarkChanProdCons0}, which runs GOMAXPROCS producers and consumers
 * rather than one of each.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UnbufferedChannelBenchmark {

    /** Items moved per invocation. */
    static final int ITEMS = 10_000;

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void go4j() throws InterruptedException {
        Chan<Integer> c = Chan.make();
        Workers w = Workers.goroutines();
        w.startStream(ITEMS, c::send, c::receive);
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void synchronousQueue() throws InterruptedException {
        SynchronousQueue<Integer> q = new SynchronousQueue<>();
        Workers w = Workers.virtualThreads();
        w.startStream(ITEMS, q::put, q::take);
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void linkedTransferQueue() throws InterruptedException {
        LinkedTransferQueue<Integer> q = new LinkedTransferQueue<>();
        Workers w = Workers.virtualThreads();
        w.startStream(ITEMS, q::transfer, q::take);
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void kotlin() {
        Items.check(KotlinChannels.stream(0, ITEMS), Items.sumOfFirst(ITEMS));
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void jox() throws InterruptedException {
        Channel<Integer> c = Channel.newRendezvousChannel();
        Workers w = Workers.virtualThreads();
        w.startStream(ITEMS, c::send, c::receive);
        w.joinAll();
    }
}
