package io.go4j.bench.runtime;

import com.softwaremill.jox.Channel;
import io.go4j.Chan;
import io.go4j.Select;
import io.go4j.bench.Items;
import io.go4j.bench.Workers;
import io.go4j.bench.Workers.Receiver;
import io.go4j.bench.Workers.Sender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * Twins of the channel benchmarks of Go's runtime ({@code runtime/chan_test.go}), doing the same
 * work as Go's code, with go4j's {@link Chan}, Jox 1.0.1 and the {@code java.util.concurrent}
 * queue of the same shape side by side. Their Go twins, in {@code benchmarks/go/}, run the same
 * loops; scores are nanoseconds per operation as Go counts them (wall time / {@code b.N}).
 *
 * <table>
 *   <caption>Go twins</caption>
 *   <tr><th>methods</th><th>Go benchmark</th><th>what one operation is</th></tr>
 *   <tr><td>{@code chanSync_*}</td><td>{@code BenchmarkChanSync}</td>
 *       <td>two goroutines on one unbuffered channel, taking batches of 1,000 calls from a shared
 *       counter; on even batches a goroutine receives then sends, on odd ones sends then
 *       receives: one receive and one send of each goroutine</td></tr>
 *   <tr><td>{@code chanProdCons_*} ({@code capacity} 0, 10, 100)</td>
 *       <td>{@code BenchmarkChanProdCons0}, {@code 10}, {@code 100}</td>
 *       <td>GOMAXPROCS producers and as many consumers on one channel; producers take batches of
 *       1,000 sends, then send a 0 that stops one consumer: one item moved</td></tr>
 *   <tr><td>{@code chanSem_*}</td><td>{@code BenchmarkChanSem}</td>
 *       <td>a channel of capacity GOMAXPROCS used as a semaphore by GOMAXPROCS goroutines (Go's
 *       {@code b.RunParallel}): one send and one receive</td></tr>
 *   <tr><td>{@code chanPopular_*}</td><td>{@code BenchmarkChanPopular}</td>
 *       <td>{@value #POPULAR} goroutines each select over a shared channel that never fires and
 *       their own channel; one goroutine sends once to each own channel: one round of
 *       {@value #POPULAR} sends and selects</td></tr>
 * </table>
 *
 * <p>Each invocation runs {@value #OPS} operations ({@value #ROUNDS} rounds for
 * {@code chanPopular}) and starts its goroutines anew, all on virtual threads: go4j's on
 * goroutines ({@code Go.go}), the others on {@code Thread.ofVirtual()}. Go starts them once per
 * {@code b.N}; the few starts weigh little against {@value #OPS} operations. The consumers count
 * what they receive and the invocation fails unless it is what was sent. JDK counterparts:
 * {@link SynchronousQueue} for an unbuffered channel, {@link ArrayBlockingQueue} for a buffered
 * one; {@code chanPopular} needs a select, which {@code java.util.concurrent} lacks. Target
 * (DESIGN.md): {@code chanSync}, {@code chanProdCons} 0 and 100 and {@code chanSem} at most 1.5x
 * Go's ns/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChanTwinsBenchmark {

    /** Operations per invocation: Go's {@code b.N}. */
    static final int OPS = 100_000;
    /** Goroutines selecting in {@code chanPopular}: Go's {@code n}. */
    static final int POPULAR = 1000;
    /** Rounds (Go's {@code b.N}) per invocation of {@code chanPopular}. */
    static final int ROUNDS = 100;

    static final Integer ZERO = Items.get(0);
    static final Integer ONE = Items.get(1);

    /** The channel capacity of {@code chanProdCons}: Go's {@code chanSize}. */
    @State(Scope.Benchmark)
    public static class Buffer {
        @Param({"0", "10", "100"})
        public int capacity;
    }

    // ---- BenchmarkChanSync ----

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void chanSync_go4j() throws InterruptedException {
        Chan<Integer> c = Chan.make();
        chanSync(Workers.goroutines(), c::send, c::receive);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void chanSync_synchronousQueue() throws InterruptedException {
        SynchronousQueue<Integer> q = new SynchronousQueue<>();
        chanSync(Workers.virtualThreads(), q::put, q::take);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void chanSync_jox() throws InterruptedException {
        Channel<Integer> c = Channel.newRendezvousChannel();
        chanSync(Workers.virtualThreads(), c::send, c::receive);
    }

    /** Go's {@code benchmarkChanSync} without local work: two goroutines, {@link #OPS} calls. */
    private static void chanSync(Workers w, Sender send,
            Receiver receive) throws InterruptedException {
        Batches batches = new Batches(OPS);
        LongAdder received = new LongAdder();
        for (int p = 0; p < 2; p++) {
            w.start(() -> {
                for (int i = batches.take(); i >= 0; i = batches.take()) {
                    for (int g = 0; g < Batches.CALLS_PER_SCHED; g++) {
                        if (i % 2 == 0) {
                            received.add(receive.receive());
                            send.send(ONE);
                        } else {
                            send.send(ONE);
                            received.add(receive.receive());
                        }
                    }
                }
            });
        }
        w.joinAll();
        Items.check(received.sum(), OPS);
    }

    // ---- BenchmarkChanProdCons0, 10, 100 ----

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void chanProdCons_go4j(Buffer b) throws InterruptedException {
        Chan<Integer> c = Chan.make(b.capacity);
        chanProdCons(Workers.goroutines(), c::send, c::receive);
    }

    /** {@link SynchronousQueue} for capacity 0, else {@link ArrayBlockingQueue}. */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public void chanProdCons_jdk(Buffer b) throws InterruptedException {
        BlockingQueue<Integer> q = b.capacity == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(b.capacity);
        chanProdCons(Workers.virtualThreads(), q::put, q::take);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void chanProdCons_jox(Buffer b) throws InterruptedException {
        Channel<Integer> c = joxChannel(b.capacity);
        chanProdCons(Workers.virtualThreads(), c::send, c::receive);
    }

    /**
     * Go's {@code benchmarkChanProdCons} without local work: GOMAXPROCS producers send
     * {@link #OPS} ones in batches, then a 0 each; GOMAXPROCS consumers receive until a 0.
     */
    private static void chanProdCons(Workers w, Sender send,
            Receiver receive) throws InterruptedException {
        Batches batches = new Batches(OPS);
        LongAdder received = new LongAdder();
        for (int p = 0; p < Workers.GOMAXPROCS; p++) {
            w.start(() -> {
                while (batches.take() >= 0) {
                    for (int g = 0; g < Batches.CALLS_PER_SCHED; g++) {
                        send.send(ONE);
                    }
                }
                send.send(ZERO);
            });
            w.start(() -> {
                for (int v = receive.receive(); v != 0; v = receive.receive()) {
                    received.add(v);
                }
            });
        }
        w.joinAll();
        Items.check(received.sum(), OPS);
    }

    // ---- BenchmarkChanSem ----

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void chanSem_go4j() throws InterruptedException {
        Chan<Integer> c = Chan.make(Workers.GOMAXPROCS);
        chanSem(Workers.goroutines(), c::send, c::receive);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void chanSem_arrayBlockingQueue() throws InterruptedException {
        ArrayBlockingQueue<Integer> q = new ArrayBlockingQueue<>(Workers.GOMAXPROCS);
        chanSem(Workers.virtualThreads(), q::put, q::take);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void chanSem_jox() throws InterruptedException {
        Channel<Integer> c = Channel.newBufferedChannel(Workers.GOMAXPROCS);
        chanSem(Workers.virtualThreads(), c::send, c::receive);
    }

    /**
     * Go's {@code BenchmarkChanSem}: GOMAXPROCS goroutines share {@link #OPS} send/receive pairs.
     */
    private static void chanSem(Workers w, Sender send,
            Receiver receive) throws InterruptedException {
        LongAdder received = new LongAdder();
        for (int p = 0; p < Workers.GOMAXPROCS; p++) {
            int ops = Batches.share(OPS, Workers.GOMAXPROCS, p);
            w.start(() -> {
                for (int i = 0; i < ops; i++) {
                    send.send(ONE);
                    received.add(receive.receive());
                }
            });
        }
        w.joinAll();
        Items.check(received.sum(), OPS);
    }

    // ---- BenchmarkChanPopular ----

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void chanPopular_go4j() throws InterruptedException {
        Chan<Integer> never = Chan.make();
        List<Sender> own = new ArrayList<>(POPULAR);
        Workers w = Workers.goroutines();
        for (int j = 0; j < POPULAR; j++) {
            Chan<Integer> d = Chan.make();
            own.add(d::send);
            w.start(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    if (Select.select(Select.recv(never), Select.recv(d)) != 1) {
                        throw new AssertionError("a select chose the channel nobody sends to");
                    }
                }
            });
        }
        w.start(() -> popularSender(own));
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void chanPopular_jox() throws InterruptedException {
        Channel<Integer> never = Channel.newRendezvousChannel();
        List<Sender> own = new ArrayList<>(POPULAR);
        Workers w = Workers.virtualThreads();
        for (int j = 0; j < POPULAR; j++) {
            Channel<Integer> d = Channel.newRendezvousChannel();
            own.add(d::send);
            w.start(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    if (joxSelect(never, d) != 1) {
                        throw new AssertionError("a select chose the channel nobody sends to");
                    }
                }
            });
        }
        w.start(() -> popularSender(own));
        w.joinAll();
    }

    /**
     * Go's benchmark body: {@link #ROUNDS} times, one send to each selecting goroutine's channel.
     */
    private static void popularSender(List<Sender> own) throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            for (Sender d : own) {
                d.send(ONE);
            }
        }
    }

    /** Jox's two-case receive select: the index of the case taken, as go4j's select returns. */
    @SuppressWarnings("unchecked")
    static int joxSelect(Channel<Integer> a, Channel<Integer> b) throws InterruptedException {
        return com.softwaremill.jox.Select.select(a.receiveClause(v -> 0), b.receiveClause(v -> 1));
    }

    /** Jox's counterpart of {@code make(chan T, capacity)}: a rendezvous channel for 0. */
    static <T> Channel<T> joxChannel(int capacity) {
        return capacity == 0 ? Channel.newRendezvousChannel()
                : Channel.newBufferedChannel(capacity);
    }
}
