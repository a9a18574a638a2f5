package io.go4j.bench;

import com.softwaremill.jox.Channel;
import io.go4j.Chan;
import io.go4j.bench.kotlin.KotlinChannels;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * A chain of {@value #CHAIN} goroutines, each linked to the next by a channel of {@code capacity}
 * (0, unbuffered, as Go's {@code test/chan/goroutines.go}; 16 and 100, the buffered rows of Jox's
 * published benchmarks), with one value passed down the whole chain; nanoseconds per goroutine,
 * its start-up included. With a single value the capacity changes only which channel each link
 * is: no send ever finds a full buffer.
 *
 * <p>The contenders: go4j's {@code Chan.make(capacity)} on goroutines, on JDK virtual threads
 * Jox's rendezvous or buffered channel and {@link SynchronousQueue} (an {@code ArrayBlockingQueue}
 * when buffered, {@code jdkQueue}), and Kotlin's {@code Channel<Any>(capacity)} on coroutines of
 * {@code Dispatchers.Default} ({@code kotlin}, see {@code KotlinChannels}). Target (DESIGN.md):
 * go4j no slower than Jox and than JDK virtual threads with {@code SynchronousQueue}.
 * {@code SchedulerBenchmark.chain_*} runs the same chain on go4j channels only, to compare the
 * schedulers.
 *
 * <p>Go twin (unbuffered only): {@code BenchmarkChain}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class GoroutineChainBenchmark {

    /** Goroutines in the chain. */
    public static final int CHAIN = 10_000;
    private static final Integer ONE = Items.get(1);

    /** The capacity of every link; 0 is unbuffered. */
    @Param({"0", "16", "100"})
    public int capacity;

    /** One unbuffered channel of a contender, as the chain uses it. */
    public record Link(Workers.Sender sender, Workers.Receiver receiver) {
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void go4j() throws InterruptedException {
        chain(Workers.goroutines(), () -> go4jLink(capacity));
    }

    /** A go4j channel of {@code capacity} (0: unbuffered). */
    public static Link go4jLink(int capacity) {
        Chan<Integer> c = Chan.make(capacity);
        return new Link(c::send, c::receive);
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void jox() throws InterruptedException {
        chain(Workers.virtualThreads(), () -> {
            Channel<Integer> c = Contenders.jox(capacity);
            return new Link(c::send, c::receive);
        });
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void jdkQueue() throws InterruptedException {
        chain(Workers.virtualThreads(), () -> {
            BlockingQueue<Integer> q = Contenders.jdkQueue(capacity);
            return new Link(q::put, q::take);
        });
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void kotlin() {
        Items.check(KotlinChannels.chain(CHAIN, capacity), ONE);
    }

    /**
     * Builds a chain of {@value #CHAIN} goroutines of {@code w} from one goroutine, starts one
     * more to send into its right end, and receives at its left end.
     */
    public static void chain(Workers w, Supplier<Link> make) throws InterruptedException {
        w.start(() -> {
            Link leftmost = make.get();
            Link left = leftmost;
            for (int i = 0; i < CHAIN; i++) {
                Link l = left;
                Link r = make.get();
                w.spawn(() -> pass(r.receiver(), l.sender()));
                left = r;
            }
            Link rightmost = left;
            w.spawn(() -> pass(() -> ONE, rightmost.sender()));
            Items.check(leftmost.receiver().receive(), ONE);
        });
        w.joinAll();
    }

    /** One goroutine of the chain: {@code to <- <-from}. */
    private static void pass(Workers.Receiver from, Workers.Sender to) {
        try {
            to.send(from.receive());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
