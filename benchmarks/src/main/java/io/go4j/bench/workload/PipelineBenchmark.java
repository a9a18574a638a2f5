package io.go4j.bench.workload;

import io.go4j.Chan;
import io.go4j.bench.Items;
import io.go4j.bench.Workers;
import io.go4j.sync.WaitGroup;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * A fan-out/fan-in pipeline, a workload rather than a hand-off: a producer sends
 * {@value #ITEMS} items into a channel of {@value #CAPACITY}, {@value #WORKERS} workers take
 * them from it and pass each on into a second channel of {@value #CAPACITY}, and a collector
 * takes them all from there and checks their sum; nanoseconds per item (10<sup>9</sup> / score
 * items per second). Go twin: {@code BenchmarkPipeline} in {@code benchmarks/go/workload_test.go}.
 *
 * <p>The variants: go4j's {@code Chan} on goroutines, closed by the producer and, once a
 * {@code WaitGroup} says the workers are done, by the last of them, the stages ranging over
 * them as Go's do ({@code go4j}); the same code on plain JDK virtual threads, which is what
 * go4j's code does on the JDK's default scheduler ({@code chanOnVirtualThreads}); and an
 * {@link ArrayBlockingQueue} pipeline, ended by one end-of-stream item per worker, on virtual
 * threads ({@code queueOnVirtualThreads}) and on platform threads
 * ({@code queueOnPlatformThreads}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PipelineBenchmark {

    /** Items through the pipeline per invocation. */
    static final int ITEMS = 100_000;
    /** The capacity of both channels. */
    static final int CAPACITY = 64;
    /** The workers between the two channels. */
    static final int WORKERS = 4;

    /** The end of the stream in the queue pipelines: not an item ({@link Items} are 0 and up). */
    private static final Integer END = -1;

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void go4j() throws InterruptedException {
        chanPipeline(Workers.goroutines());
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void chanOnVirtualThreads() throws InterruptedException {
        chanPipeline(Workers.virtualThreads());
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void queueOnVirtualThreads() throws InterruptedException {
        queuePipeline(Workers.virtualThreads());
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void queueOnPlatformThreads() throws InterruptedException {
        queuePipeline(Workers.platformThreads());
    }

    /** The pipeline over go4j channels, on the threads of {@code w}. */
    private static void chanPipeline(Workers w) throws InterruptedException {
        Chan<Integer> in = Chan.make(CAPACITY);
        Chan<Integer> out = Chan.make(CAPACITY);
        WaitGroup working = new WaitGroup();
        working.add(WORKERS);
        w.start(() -> {
            for (int i = 0; i < ITEMS; i++) {
                in.send(item(i));
            }
            in.close();
        });
        for (int k = 0; k < WORKERS; k++) {
            w.start(() -> {
                for (Integer v : in) {
                    out.send(v);
                }
                working.done();
            });
        }
        w.start(() -> {
            working.await();
            out.close();
        });
        w.start(() -> {
            long sum = 0;
            for (Integer v : out) {
                sum += v;
            }
            Items.check(sum, expectedSum());
        });
        w.joinAll();
    }

    /** The pipeline over {@link ArrayBlockingQueue}s, on the threads of {@code w}. */
    private static void queuePipeline(Workers w) throws InterruptedException {
        BlockingQueue<Integer> in = new ArrayBlockingQueue<>(CAPACITY);
        BlockingQueue<Integer> out = new ArrayBlockingQueue<>(CAPACITY);
        w.start(() -> {
            for (int i = 0; i < ITEMS; i++) {
                in.put(item(i));
            }
            for (int k = 0; k < WORKERS; k++) {
                in.put(END);
            }
        });
        for (int k = 0; k < WORKERS; k++) {
            w.start(() -> {
                for (Integer v = in.take(); v != END; v = in.take()) {
                    out.put(v);
                }
                out.put(END);
            });
        }
        w.start(() -> {
            long sum = 0;
            for (int ended = 0; ended < WORKERS; ) {
                Integer v = out.take();
                if (v == END) {
                    ended++;
                } else {
                    sum += v;
                }
            }
            Items.check(sum, expectedSum());
        });
        w.joinAll();
    }

    /** The {@code i}th item: the boxed items repeat, so that no send allocates. */
    private static Integer item(int i) {
        return Items.get(i % Items.MAX);
    }

    private static long expectedSum() {
        return (long) (ITEMS / Items.MAX) * Items.sumOfFirst(Items.MAX);
    }
}
