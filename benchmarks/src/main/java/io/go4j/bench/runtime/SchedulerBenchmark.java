package io.go4j.bench.runtime;

import io.go4j.Chan;
import io.go4j.Select;
import io.go4j.bench.GoroutineChainBenchmark;
import io.go4j.bench.Items;
import io.go4j.bench.Workers;
import java.util.concurrent.CountDownLatch;
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
 * go4j's scheduler against the JDK's default virtual-thread scheduler: every workload runs twice,
 * the same code and the same go4j channels, once with its goroutines started by {@code Go.go}
 * ({@code *_go4j}) and once by {@code Thread.ofVirtual()} ({@code *_virtualThread}), so that only
 * the scheduler differs. Target (DESIGN.md): ping-pong and spawn faster on go4j's scheduler.
 * Scores are nanoseconds per operation; each has a Go twin in {@code benchmarks/go/}.
 *
 * <table>
 *   <caption>Workloads</caption>
 *   <tr><th>methods</th><th>one operation</th><th>Go twin</th></tr>
 *   <tr><td>{@code spawnJoin_*}</td><td>one of {@value #SPAWNS} goroutines, started one after
 *       the other by one goroutine, each counting down a shared latch that the benchmark waits
 *       for (Go: a {@code sync.WaitGroup})</td><td>{@code BenchmarkSpawnJoin}</td></tr>
 *   <tr><td>{@code createGoroutines_*}</td><td>one goroutine of a chain of
 *       {@value ChanTwinsBenchmark#OPS} in which each starts the next and ends, the last one
 *       signalling</td><td>{@code BenchmarkCreateGoroutines}
 * ({@code runtime/proc_test.go})</td></tr>
 *   <tr><td>{@code pingPong_*}</td><td>one round trip of a value between two goroutines over two
 *       unbuffered channels</td><td>{@code BenchmarkPingPong}</td></tr>
 *   <tr><td>{@code chain_*}</td><td>one goroutine of a chain of {@value #CHAIN}, each linked to
 *       the next by an unbuffered channel and passing one value along ({@code left <- <-right}),
 *       start-up included: Go's {@code test/chan/goroutines.go}</td>
 *       <td>{@code BenchmarkChain}</td></tr>
 *   <tr><td>{@code pairs_*}</td><td>one item of {@value #PAIR_ITEMS} moved by {@value #PAIRS}
 *       sender/receiver pairs, each over its own unbuffered channel, start-up included</td>
 *       <td>{@code BenchmarkPairs}</td></tr>
 *   <tr><td>{@code pingPongHog_*}</td><td>one round trip of a ping-pong while another goroutine
 *       spins, never blocking, on a non-blocking select</td>
 *       <td>{@code BenchmarkPingPongHog} ({@code runtime/proc_test.go})</td></tr>
 * </table>
 *
 * <p><b>The hog.</b> Go runs {@code BenchmarkPingPongHog} with GOMAXPROCS=1 and preempts the hog;
 * no Java scheduler can take a carrier from a goroutine that never blocks or yields, so here the
 * hog holds one carrier for the whole invocation and the ping-pong runs on the others. That
 * needs at least two carriers: with fewer, the invocation would spin until the one-minute
 * patience of {@link Workers#joinAll()} fails it. Both schedulers run with their default
 * parallelism (the CPU count). The hog stops when the ping-pong is over: its select sees the
 * {@code stop} channel closed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SchedulerBenchmark {

    /** Goroutines started and joined per invocation of {@code spawnJoin}. */
    static final int SPAWNS = 1_000_000;
    /** Round trips per invocation of {@code pingPong} and {@code pingPongHog}. */
    static final int ROUND_TRIPS = 100_000;
    /** Goroutines in the chain of {@code chain}. */
    static final int CHAIN = GoroutineChainBenchmark.CHAIN;
    /** Sender/receiver pairs of {@code pairs}. */
    static final int PAIRS = 10_000;
    /** Items moved by all pairs together per invocation of {@code pairs}. */
    static final int PAIR_ITEMS = 200_000;

    private static final Integer ONE = Items.get(1);

    // ---- spawn and join ----

    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public void spawnJoin_go4j() throws InterruptedException {
        spawnJoin(Workers.goroutines());
    }

    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public void spawnJoin_virtualThread() throws InterruptedException {
        spawnJoin(Workers.virtualThreads());
    }

    private static void spawnJoin(Workers w) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(SPAWNS);
        w.spawn(() -> {
            for (int i = 0; i < SPAWNS; i++) {
                w.spawn(done::countDown);
            }
        });
        Workers.await(done);
    }

    // ---- BenchmarkCreateGoroutines ----

    @Benchmark
    @OperationsPerInvocation(ChanTwinsBenchmark.OPS)
    public void createGoroutines_go4j() throws InterruptedException {
        createGoroutines(Workers.goroutines());
    }

    @Benchmark
    @OperationsPerInvocation(ChanTwinsBenchmark.OPS)
    public void createGoroutines_virtualThread() throws InterruptedException {
        createGoroutines(Workers.virtualThreads());
    }

    private static void createGoroutines(Workers w) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        w.spawn(() -> createNext(w, ChanTwinsBenchmark.OPS, done));
        Workers.await(done);
    }

    /** Go's {@code f(n)}: starts {@code f(n - 1)} in a new goroutine, or signals at 0. */
    private static void createNext(Workers w, int n, CountDownLatch done) {
        if (n == 0) {
            done.countDown();
        } else {
            w.spawn(() -> createNext(w, n - 1, done));
        }
    }

    // ---- ping-pong ----

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void pingPong_go4j() throws InterruptedException {
        pingPong(Workers.goroutines());
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void pingPong_virtualThread() throws InterruptedException {
        pingPong(Workers.virtualThreads());
    }

    private static void pingPong(Workers w) throws InterruptedException {
        Chan<Integer> ping = Chan.make();
        Chan<Integer> pong = Chan.make();
        w.start(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                pong.send(ping.receive());
            }
        });
        w.start(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                ping.send(ONE);
                pong.receive();
            }
        });
        w.joinAll();
    }

    // ---- a chain of goroutines (test/chan/goroutines.go) ----

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void chain_go4j() throws InterruptedException {
        GoroutineChainBenchmark.chain(Workers.goroutines(),
                () -> GoroutineChainBenchmark.go4jLink(0));
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void chain_virtualThread() throws InterruptedException {
        GoroutineChainBenchmark.chain(Workers.virtualThreads(),
                () -> GoroutineChainBenchmark.go4jLink(0));
    }

    // ---- many producer/consumer pairs ----

    @Benchmark
    @OperationsPerInvocation(PAIR_ITEMS)
    public void pairs_go4j() throws InterruptedException {
        pairs(Workers.goroutines());
    }

    @Benchmark
    @OperationsPerInvocation(PAIR_ITEMS)
    public void pairs_virtualThread() throws InterruptedException {
        pairs(Workers.virtualThreads());
    }

    private static void pairs(Workers w) throws InterruptedException {
        for (int p = 0; p < PAIRS; p++) {
            Chan<Integer> c = Chan.make();
            w.startStream(PAIR_ITEMS / PAIRS, c::send, c::receive);
        }
        w.joinAll();
    }

    // ---- BenchmarkPingPongHog ----

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void pingPongHog_go4j() throws InterruptedException {
        pingPongHog(Workers.goroutines());
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void pingPongHog_virtualThread() throws InterruptedException {
        pingPongHog(Workers.virtualThreads());
    }

    private static void pingPongHog(Workers w) throws InterruptedException {
        Chan<Integer> stop = Chan.make();
        w.start(() -> {
            while (Select.select(Select.recv(stop), Select.defaultCase()) != 0) {
                // the hog: spins without ever blocking
            }
        });
        Chan<Integer> ping = Chan.make();
        Chan<Integer> pong = Chan.make();
        w.start(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                pong.send(ping.receive());
            }
            stop.close();
        });
        w.start(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                ping.send(pong.receive());
            }
        });
        w.start(() -> {
            ping.send(ONE);
            stop.receive();
            ping.receive();
        });
        w.joinAll();
    }
}
