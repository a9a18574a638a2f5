package io.go4j.bench;

import com.softwaremill.jox.Channel;
import io.go4j.Chan;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A chain of {@value #CHAIN} goroutines, each linked to the next by an unbuffered channel, with
 * one value passed down the whole chain (Go's {@code test/chan/goroutines.go}); nanoseconds per
 * goroutine, its start-up included.
 *
 * <p>The contenders: go4j's {@code Chan.make()} on goroutines, and, on JDK virtual threads,
 * Jox's {@code Channel.newRendezvousChannel()} and {@link SynchronousQueue}. Target (DESIGN.md):
 * go4j no slower than Jox and than JDK virtual threads with {@code SynchronousQueue}.
 * {@code SchedulerBenchmark.chain_*} runs the same chain on go4j channels only, to compare the
 * schedulers.
 *
 * <p>Go twin: {@code BenchmarkChain}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GoroutineChainBenchmark {

    /** Goroutines in the chain. */
    public static final int CHAIN = 10_000;
    private static final Integer ONE = Items.get(1);

    /** One unbuffered channel of a contender, as the chain uses it. */
    public record Link(Workers.Sender sender, Workers.Receiver receiver) {
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void go4j() throws InterruptedException {
        chain(Workers.goroutines(), GoroutineChainBenchmark::go4jLink);
    }

    /** A go4j unbuffered channel. */
    public static Link go4jLink() {
        Chan<Integer> c = Chan.make();
        return new Link(c::send, c::receive);
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void jox() throws InterruptedException {
        chain(Workers.virtualThreads(), () -> {
            Channel<Integer> c = Channel.newRendezvousChannel();
            return new Link(c::send, c::receive);
        });
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void synchronousQueue() throws InterruptedException {
        chain(Workers.virtualThreads(), () -> {
            SynchronousQueue<Integer> q = new SynchronousQueue<>();
            return new Link(q::put, q::take);
        });
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
