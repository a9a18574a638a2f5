package io.go4j.bench.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How Go's runtime channel benchmarks share their work: {@code b.N} operations cut into batches
 * of {@value #CALLS_PER_SCHED}, which the goroutines take one at a time from a shared counter
 * ({@code i := atomic.AddInt32(&N, -1); if i < 0 { break }}). Here {@code b.N} is the
 * benchmark's operations per invocation.
 */
final class Batches {

    /** Go's {@code CallsPerSched}: operations per batch. */
    static final int CALLS_PER_SCHED = 1000;

    private final AtomicInteger left;

    /** {@code ops / CALLS_PER_SCHED} batches. */
    Batches(int ops) {
        left = new AtomicInteger(ops / CALLS_PER_SCHED);
    }

    /** Takes a batch: its number, {@code >= 0}, or a negative number once none is left. */
    int take() {
        return left.decrementAndGet();
    }

    /**
     * The share of {@code ops} operations that goroutine {@code part} of {@code parts} runs, as
     * {@code b.RunParallel} hands them out: all shares add up to {@code ops}.
     */
    static int share(int ops, int parts, int part) {
        return ops / parts + (part < ops % parts ? 1 : 0);
    }
}
