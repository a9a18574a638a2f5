package io.go4j.bench.runtime;

import static io.go4j.bench.runtime.Latencies.MAX;
import static io.go4j.bench.runtime.Latencies.P50;
import static io.go4j.bench.runtime.Latencies.P99;

import io.go4j.Chan;
import io.go4j.bench.Workers;
import io.go4j.runtime.Scheduler;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Wake-up latency with a busy waker (issue 18): a receiver blocks on an unbuffered hand-off; a
 * sender reads the clock, hands it a value and goes on computing, never blocking, until the
 * receiver has read the clock after its receive (or for {@value #BUSY_CAP_MILLIS} ms at most).
 * One trial measures the time from the send to the receiver running. On {@value #PROCS} procs one
 * of them is idle all along, so a scheduler that wakes it starts the receiver within
 * microseconds; one that leaves the receiver queued behind its waker starts it when the waker
 * stops. Go's {@code ready()} wakes an idle P ({@code wakep}); go4j's {@code Worker} does the same
 * since issue 18.
 *
 * <p>Not a JMH benchmark: the measure is the spread of single intervals, between two goroutines,
 * which is not the duration of any method JMH could time. Prints, per contender, one line in the
 * shape of {@code go test -bench} output, {@code WakeLatency/NAME TRIALS P50 p50-us P99 p99-us MAX
 * max-us}, after {@value #WARM_UP} trials that are not counted, and appends it to the output file,
 * if any. Its Go twin is {@code BenchmarkWakeLatency} in {@code benchmarks/go/}, with
 * GOMAXPROCS={@value #PROCS}.
 *
 * <p>Contenders, each trial starting its two threads anew: go4j on {@code Scheduler.create(2)}
 * with an unbuffered {@link Chan}; JDK virtual threads with a {@link SynchronousQueue} on the
 * default scheduler, whose parallelism this program sets to {@value #PROCS} as well. The
 * sender sends only into a receiver that is parked, as Go's channel does: it retries a
 * non-blocking offer, yielding in between, until the receiver's thread is {@code WAITING} and
 * the offer is taken. Without that, a {@code SynchronousQueue} taker that is still spinning
 * before it parks would take the value at once and the trial would time no wake-up at all.
 *
 * <p>Usage: {@code WakeLatency [trials [output-file]]}; 2,000 trials by default.
 */
public final class WakeLatency {

    /** go4j's procs and the Go twin's GOMAXPROCS: a core for the receiver, one for the sender. */
    static final int PROCS = 2;
    /** How long the sender computes at most: a receiver that late waited for it to stop. */
    static final long BUSY_CAP_MILLIS = 10;
    /** Trials per contender before the counted ones. */
    static final int WARM_UP = 200;

    /** A fresh unbuffered hand-off: {@code offer} succeeds only into a waiting {@code take}. */
    private record Handoff(BooleanSupplier offer, Workers.Body take) {
    }

    /** How a contender starts a trial's two threads, and a fresh hand-off between them. */
    private record Contender(String name, Supplier<Workers> workers, Supplier<Handoff> handoff) {
    }

    private WakeLatency() {
    }

    /**
     * Runs the trials of each contender and reports them.
     *
     * @param args the number of trials per contender, then the file to append the lines to
     * @throws Exception if a trial failed or hung
     */
    public static void main(String[] args) throws Exception {
        // Read once, when the first virtual thread is made: the JDK's carriers must match go4j's
        // procs.
        System.setProperty("jdk.virtualThreadScheduler.parallelism", Integer.toString(PROCS));
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path out = args.length > 1 ? Path.of(args[1]) : null;
        try (Scheduler scheduler = Scheduler.create(PROCS)) {
            List<Contender> contenders = List.of(
                    new Contender("go4j", () -> Workers.goroutines(scheduler), () -> {
                        Chan<Integer> chan = Chan.make();
                        return new Handoff(() -> chan.trySend(1), chan::receive);
                    }),
                    new Contender("virtualThread", Workers::virtualThreads, () -> {
                        SynchronousQueue<Integer> queue = new SynchronousQueue<>();
                        return new Handoff(() -> queue.offer(1), queue::take);
                    }));
            for (Contender c : contenders) {
                Latencies latencies = Latencies.measure(WARM_UP, trials, () -> trial(c));
                Latencies.report(latencies.line("WakeLatency/" + c.name(), TimeUnit.MICROSECONDS,
                        P50, P99, MAX), out);
            }
        }
    }

    /** One trial: the nanoseconds from the send to the receiver running. */
    private static long trial(Contender c) throws InterruptedException {
        Handoff handoff = c.handoff().get();
        Workers workers = c.workers().get();
        AtomicLong ranAt = new AtomicLong();
        AtomicLong sentAt = new AtomicLong();
        Thread receiver = workers.start(() -> {
            handoff.take().run();
            ranAt.set(System.nanoTime());
        });
        workers.start(() -> {
            long sent = System.nanoTime();
            while (receiver.getState() != Thread.State.WAITING || !handoff.offer().getAsBoolean()) {
                Thread.yield();
                sent = System.nanoTime();
            }
            sentAt.set(sent);
            long cap = TimeUnit.MILLISECONDS.toNanos(BUSY_CAP_MILLIS);
            while (ranAt.get() == 0 && System.nanoTime() - sent < cap) {
                Thread.onSpinWait();
            }
        });
        workers.joinAll();
        return ranAt.get() - sentAt.get();
    }
}
