package io.go4j.bench.runtime;

import static io.go4j.bench.runtime.ChanTwinsBenchmark.ONE;
import static io.go4j.bench.runtime.ChanTwinsBenchmark.OPS;
import static io.go4j.bench.runtime.ChanTwinsBenchmark.ZERO;

import com.softwaremill.jox.Channel;
import io.go4j.Chan;
import io.go4j.RecvChan;
import io.go4j.Select;
import io.go4j.bench.Items;
import io.go4j.bench.LocalWork;
import io.go4j.bench.Workers;
import io.go4j.bench.Workers.Receiver;
import io.go4j.bench.Workers.Sender;
import io.go4j.time.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Twins of the {@code select} benchmarks of Go's runtime ({@code runtime/chan_test.go}): go4j's
 * {@link Select} against Jox 1.0.1's {@code Select}; {@code java.util.concurrent} has no select,
 * so no JDK contender. Scores are nanoseconds per operation as Go counts them (wall time /
 * {@code b.N}); each invocation runs {@value ChanTwinsBenchmark#OPS} operations and starts its
 * goroutines anew (go4j: {@code Go.go}; Jox: {@code Thread.ofVirtual()}).
 *
 * <table>
 *   <caption>Go twins</caption>
 *   <tr><th>methods</th><th>Go benchmark</th><th>what one operation is</th></tr>
 *   <tr><td>{@code selectUncontended_*}</td><td>{@code BenchmarkSelectUncontended}</td>
 *       <td>GOMAXPROCS goroutines ({@code b.RunParallel}), each with two channels of capacity 1
 *       of its own and one token: a select receives the token from whichever holds it and sends
 *       it to the other: one select and one send</td></tr>
 *   <tr><td>{@code selectProdCons_*}</td><td>{@code BenchmarkSelectProdCons}</td>
 *       <td>GOMAXPROCS producers and as many consumers on one channel of capacity
 *       {@value #CAPACITY}; both sides select over it, a timer channel that does not fire and a
 *       close channel that is never closed, and do {@value #WORK} rounds of local work per item:
 *       one item moved</td></tr>
 * </table>
 *
 * <p>As in Go's {@code SelectProdCons}, each go4j producer and consumer makes its timer with
 * {@code Time.after} of one hour, and so does the Go twin. Jox has no timer channel: its twin
 * uses a channel of each thread that nobody sends to, a case that is never ready, which spares it
 * the timer. Target (DESIGN.md): {@code selectProdCons} at most 1.5x Go's ns/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SelectTwinsBenchmark {

    /** The capacity of {@code selectProdCons}' channel. */
    static final int CAPACITY = 128;
    /** Rounds of local work per item in {@code selectProdCons}. */
    static final int WORK = 100;

    /** Where the goroutines leave their local work, so that the JIT keeps it. */
    static volatile int sink;

    // ---- BenchmarkSelectUncontended ----

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void selectUncontended_go4j() throws InterruptedException {
        selectUncontended(Workers.goroutines(), () -> {
            Chan<Integer> a = Chan.make(1);
            Chan<Integer> b = Chan.make(1);
            a.send(ZERO);
            return () -> {
                if (Select.select(Select.recv(a), Select.recv(b)) == 0) {
                    b.send(ZERO);
                } else {
                    a.send(ZERO);
                }
            };
        });
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void selectUncontended_jox() throws InterruptedException {
        selectUncontended(Workers.virtualThreads(), () -> {
            Channel<Integer> a = Channel.newBufferedChannel(1);
            Channel<Integer> b = Channel.newBufferedChannel(1);
            a.send(ZERO);
            return () -> {
                if (ChanTwinsBenchmark.joxSelect(a, b) == 0) {
                    b.send(ZERO);
                } else {
                    a.send(ZERO);
                }
            };
        });
    }

    /**
     * Go's {@code BenchmarkSelectUncontended}: GOMAXPROCS goroutines share
     * {@link ChanTwinsBenchmark#OPS} moves; each first makes its own two channels and token
     * ({@code ownChannels}), which gives it the move: one select and one send.
     */
    private static void selectUncontended(Workers w,
            Callable<Workers.Body> ownChannels) throws InterruptedException {
        for (int p = 0; p < Workers.GOMAXPROCS; p++) {
            int ops = Batches.share(OPS, Workers.GOMAXPROCS, p);
            w.start(() -> {
                Workers.Body move = ownChannels.call();
                for (int i = 0; i < ops; i++) {
                    move.run();
                }
            });
        }
        w.joinAll();
    }

    // ---- BenchmarkSelectProdCons ----

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void selectProdCons_go4j() throws InterruptedException {
        Chan<Integer> items = Chan.make(CAPACITY);
        Chan<Integer> closing = Chan.make();
        selectProdCons(Workers.goroutines(), items::send,
                () -> {
                    RecvChan<Instant> timer = Time.after(Duration.ofHours(1));
                    return v -> Select.select(Select.send(items, v), Select.recv(timer),
                            Select.recv(closing));
                },
                () -> {
                    RecvChan<Instant> timer = Time.after(Duration.ofHours(1));
                    Integer[] got = {null};
                    Consumer<Integer> keep = v -> got[0] = v;
                    return () -> Select.select(Select.recv(items, keep), Select.recv(timer),
                            Select.recv(closing)) == 0
                            ? got[0] : null;
                });
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void selectProdCons_jox() throws InterruptedException {
        Channel<Integer> items = Channel.newBufferedChannel(CAPACITY);
        Channel<Integer> closing = Channel.newRendezvousChannel();
        selectProdCons(Workers.virtualThreads(), items::send,
                () -> {
                    Channel<Integer> timer = Channel.newRendezvousChannel();
                    return v -> joxSend(items, v, timer, closing);
                },
                () -> {
                    Channel<Integer> timer = Channel.newRendezvousChannel();
                    return () -> joxReceive(items, timer, closing);
                });
    }

    /**
     * Go's {@code BenchmarkSelectProdCons}. Each producer and consumer first makes its select,
     * with its own timer channel: a producer's sends a value unless another case fires; a
     * consumer's returns the item received, or null when another case fired. Producers end with
     * a plain {@code send} of 0, which stops one consumer.
     */
    private static void selectProdCons(Workers w, Sender send, Callable<Sender> producerSelect,
            Callable<Receiver> consumerSelect) throws InterruptedException {
        Batches batches = new Batches(OPS);
        LongAdder received = new LongAdder();
        for (int p = 0; p < Workers.GOMAXPROCS; p++) {
            w.start(() -> {
                Sender select = producerSelect.call();
                int foo = 0;
                while (batches.take() >= 0) {
                    for (int g = 0; g < Batches.CALLS_PER_SCHED; g++) {
                        foo = LocalWork.run(foo, WORK);
                        select.send(ONE);
                    }
                }
                send.send(ZERO);
                sink = foo;
            });
            w.start(() -> {
                Receiver select = consumerSelect.call();
                int foo = 0;
                while (true) {
                    Integer v = select.receive();
                    if (v != null) {
                        if (v == 0) {
                            break;
                        }
                        received.add(v);
                    }
                    foo = LocalWork.run(foo, WORK);
                }
                sink = foo;
            });
        }
        w.joinAll();
        Items.check(received.sum(), OPS);
    }

    /** The producer's select: send {@code v}, or receive from the timer or the close channel. */
    @SuppressWarnings("unchecked")
    private static void joxSend(Channel<Integer> items, Integer v, Channel<Integer> timer,
            Channel<Integer> closing)
            throws InterruptedException {
        com.softwaremill.jox.Select.select(items.sendClause(v), timer.receiveClause(),
                closing.receiveClause());
    }

    /**
     * The consumer's select: the item received, or null when the timer or the close channel
     * fired instead (neither ever does).
     */
    @SuppressWarnings("unchecked")
    private static Integer joxReceive(Channel<Integer> items, Channel<Integer> timer,
            Channel<Integer> closing)
            throws InterruptedException {
        return com.softwaremill.jox.Select.select(
                items.receiveClause(), timer.receiveClause(v -> null),
                closing.receiveClause(v -> null));
    }
}
