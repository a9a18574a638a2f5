package io.go4j.bench.workload;

import io.go4j.Chan;
import io.go4j.Go;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parallel merge sort of {@value #SIZE} random ints, a CPU-bound fork/join workload: each call
 * splits its range in two, sorts the left half on a new thread and the right half itself, waits
 * for the left, and merges; ranges under {@value #CUTOFF} are sorted with {@link Arrays#sort}.
 * Nanoseconds per sort, as Go counts them. Go twin: {@code BenchmarkMergeSort} in
 * {@code benchmarks/go/workload_test.go}, the same algorithm with {@code sort.Ints} at the cutoff.
 *
 * <p>The variants: goroutines, the left half's result signalled on a channel of 1
 * ({@code go4j}); plain JDK virtual threads joined with {@link Thread#join()}
 * ({@code virtualThreads}); {@link ForkJoinPool#commonPool()} with a {@link RecursiveAction},
 * on platform threads ({@code forkJoinPool}); and {@link Arrays#sort} on one thread as the
 * sequential reference ({@code sequential}). Every invocation sorts a fresh copy of the same
 * array; the copy, and the check that it came out sorted, are outside the time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class MergeSortBenchmark {

    /** Ints sorted per invocation. */
    static final int SIZE = 4 << 20;
    /** Ranges shorter than this are sorted sequentially. */
    static final int CUTOFF = 1 << 14;

    /** How a variant runs one task beside the caller and waits for it. */
    @FunctionalInterface
    interface Spawner {
        /** Starts {@code task}; the returned action waits until it has finished. */
        Runnable spawn(Runnable task);
    }

    private int[] source;
    private int[] data;
    private int[] scratch;

    @Setup
    public void setUp() {
        source = new Random(42).ints(SIZE).toArray();
        scratch = new int[SIZE];
    }

    @Setup(Level.Invocation)
    public void copy() {
        data = source.clone();
    }

    @Benchmark
    public void go4j() {
        sort(data, scratch, 0, SIZE, task -> {
            Chan<Boolean> done = Chan.make(1);
            Go.go(() -> {
                task.run();
                done.send(Boolean.TRUE);
            });
            return done::receive;
        });
    }

    @Benchmark
    public void virtualThreads() {
        sort(data, scratch, 0, SIZE, task -> {
            Thread t = Thread.startVirtualThread(task);
            return () -> {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
        });
    }

    @Benchmark
    public void forkJoinPool() {
        ForkJoinPool.commonPool().invoke(new SortAction(data, scratch, 0, SIZE));
    }

    @Benchmark
    public void sequential() {
        Arrays.sort(data);
    }

    /** Sorts {@code a[lo, hi)}, the left half by {@code spawner}; {@code tmp} is scratch. */
    static void sort(int[] a, int[] tmp, int lo, int hi, Spawner spawner) {
        if (hi - lo < CUTOFF) {
            Arrays.sort(a, lo, hi);
            return;
        }
        int mid = (lo + hi) >>> 1;
        Runnable left = spawner.spawn(() -> sort(a, tmp, lo, mid, spawner));
        sort(a, tmp, mid, hi, spawner);
        left.run();
        merge(a, tmp, lo, mid, hi);
    }

    /** Merges the sorted {@code a[lo, mid)} and {@code a[mid, hi)} through {@code tmp}. */
    static void merge(int[] a, int[] tmp, int lo, int mid, int hi) {
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && tmp[i] <= tmp[j])) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** The same sort as a fork/join task. */
    private static final class SortAction extends RecursiveAction {
        private final int[] a;
        private final int[] tmp;
        private final int lo;
        private final int hi;

        SortAction(int[] a, int[] tmp, int lo, int hi) {
            this.a = a;
            this.tmp = tmp;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo < CUTOFF) {
                Arrays.sort(a, lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new SortAction(a, tmp, lo, mid), new SortAction(a, tmp, mid, hi));
            merge(a, tmp, lo, mid, hi);
        }
    }

    /** Fails the benchmark unless the invocation left the array in order. */
    @TearDown(Level.Invocation)
    public void check() {
        for (int i = 1; i < data.length; i++) {
            if (data[i - 1] > data[i]) {
                throw new IllegalStateException("not sorted at " + i);
            }
        }
    }
}
