package io.go4j.bench.time;

import com.softwaremill.jox.Channel;
import io.go4j.Chan;
import io.go4j.Select;
import io.go4j.bench.Workers;
import io.go4j.time.Time;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Receiving with a timeout that never fires: nanoseconds per item of a 1 → 1 stream whose
 * consumer guards every receive with a one-hour timeout.
 *
 * <p>Each invocation starts a producer and a consumer (goroutines for go4j, virtual threads for
 * the others) over a channel of {@code capacity} 0 or 16; the producer sends {@value #ITEMS}
 * items, the consumer receives each with:
 * <ul>
 *   <li>{@code go4j}: {@code Select.select(Select.recv(c, ..), Select.recv(Time.after(1 hour)))},
 *       a new timer per receive, as Go code does;
 *   <li>{@code jox}: Jox's {@code Select.selectWithin(1 hour, c.receiveClause())};
 *   <li>{@code blockingQueue}: {@code poll(1, HOURS)} of a {@code SynchronousQueue} (capacity 0)
 *       or an {@code ArrayBlockingQueue} (16), the JDK's timed receive, which needs no timer
 *       object at all (the waiting thread parks with a deadline).
 * </ul>
 *
 * <p>Go twin:
 * <pre>{@code
 * for i := 0; i < items; i++ {
 *     select {
 *     case v := <-c:                  sum += v
 *     case <-time.After(time.Hour):   panic("timeout")
 *     }
 * }
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SelectTimeoutBenchmark {

    /** Items per invocation. */
    static final int ITEMS = 10_000;
    private static final Duration HOUR = Duration.ofHours(1);

    /** The capacity of the channel; 0 is unbuffered. */
    @Param({"0", "16"})
    public int capacity;

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void go4j() throws InterruptedException {
        Chan<Integer> c = Chan.make(capacity);
        Workers w = Workers.goroutines();
        w.startStream(ITEMS, c::send, () -> {
            Integer[] got = new Integer[1];
            if (Select.select(Select.recv(c, v -> got[0] = v), Select.recv(Time.after(HOUR)))
                    != 0) {
                throw new AssertionError("timeout");
            }
            return got[0];
        });
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void jox() throws InterruptedException {
        Channel<Integer> c = capacity == 0 ? Channel.newRendezvousChannel()
                : Channel.newBufferedChannel(capacity);
        Workers w = Workers.virtualThreads();
        w.startStream(ITEMS, c::send,
                () -> com.softwaremill.jox.Select.selectWithin(HOUR, c.receiveClause()));
        w.joinAll();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void blockingQueue() throws InterruptedException {
        BlockingQueue<Integer> q = capacity == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(capacity);
        Workers w = Workers.virtualThreads();
        w.startStream(ITEMS, q::put, () -> {
            Integer v = q.poll(1, TimeUnit.HOURS);
            if (v == null) {
                throw new AssertionError("timeout");
            }
            return v;
        });
        w.joinAll();
    }
}
