package io.go4j.bench.runtime;

import com.softwaremill.jox.Channel;
import io.go4j.Chan;
import io.go4j.Go;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The memory of a parked goroutine: starts 1,000,000 goroutines that all block receiving from
 * one channel, and reports the growth of the live heap divided by their number, in bytes per
 * goroutine. Target (DESIGN.md): at most 1 KB for go4j; Go needs about 2.7 KB (its twin,
 * {@code BenchmarkParkedGoroutines} in {@code benchmarks/go/}, counts the heap and the goroutine
 * stacks with {@code runtime.ReadMemStats}).
 *
 * <p>Not a JMH benchmark: what it measures is a size, not a time, and a size needs a full
 * collection before each reading, which JMH has no honest place for. A Java virtual thread's
 * stack lives in the Java heap once it is parked, so the live heap holds everything a goroutine
 * costs: its {@code Thread}, its continuation and stack, and what the channel keeps to wake it.
 *
 * <p>Contenders, one after the other in this JVM, each measured from its own baseline: go4j
 * ({@code Go.go}, {@code Chan.receive()}), JDK virtual threads on a {@link SynchronousQueue}
 * ({@code take()}), Jox virtual threads on a rendezvous channel ({@code receive()}). Each first
 * parks and frees {@value #WARM_UP} goroutines on a channel of its own, so that the measured
 * goroutines park through compiled code: an interpreted frame takes more room in a parked stack
 * than a compiled one, and without the warm-up go4j's figure varied from 816 to 1158 B between
 * runs of the same code, as the compiler caught up sooner or later. Prints one
 * line per contender, {@code ParkedGoroutines/NAME GOROUTINES BYTES B/goroutine} (the shape of
 * {@code go test -bench} output), and appends it to the file given as second argument, if any.
 *
 * <p>Usage: {@code ParkedGoroutines [goroutines [output-file]]}.
 */
public final class ParkedGoroutines {

    /** Goroutines parked and freed before the measured ones. */
    static final int WARM_UP = 100_000;

    /** One contender: how it starts a goroutine, and a fresh channel to park them on. */
    private record Contender(String name, Function<Runnable, Thread> start, Supplier<Round> round) {
    }

    /** One channel of a contender: what a goroutine blocks in, and how to free them all. */
    private record Round(Runnable park, Release release) {
    }

    /** Wakes every parked goroutine so that it returns. */
    @FunctionalInterface
    private interface Release {
        void release(Thread[] parked);
    }

    private ParkedGoroutines() {
    }

    public static void main(String[] args) throws Exception {
        int goroutines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path out = args.length > 1 ? Path.of(args[1]) : null;

        List<Contender> contenders = List.of(
                new Contender("go4j", Go::go, () -> {
                    Chan<Integer> chan = Chan.make();
                    return new Round(chan::receive, parked -> chan.close());
                }),
                new Contender("virtualThread", Thread::startVirtualThread, () -> {
                    SynchronousQueue<Integer> queue = new SynchronousQueue<>();
                    return new Round(uninterruptibly(queue::take),
                            parked -> sendToEach(parked, queue::put));
                }),
                new Contender("jox", Thread::startVirtualThread, () -> {
                    Channel<Integer> jox = Channel.newRendezvousChannel();
                    return new Round(uninterruptibly(jox::receive),
                            parked -> sendToEach(parked, jox::send));
                }));

        List<String> lines = new ArrayList<>();
        for (Contender c : contenders) {
            measure(c, WARM_UP);
            double perGoroutine = measure(c, goroutines);
            String line = String.format("ParkedGoroutines/%s %d %.1f B/goroutine", c.name(),
                    goroutines, perGoroutine);
            System.out.println(line);
            lines.add(line);
        }
        if (out != null) {
            Files.write(out, lines);
        }
    }

    /** A blocking call that only a release ends. */
    @FunctionalInterface
    private interface Blocking {
        Object call() throws InterruptedException;
    }

    private static Runnable uninterruptibly(Blocking park) {
        return () -> {
            try {
                park.call();
            } catch (InterruptedException e) {
                throw new IllegalStateException("a parked goroutine was interrupted", e);
            }
        };
    }

    /** A send that hands a value to one parked receiver. */
    @FunctionalInterface
    private interface Send {
        void send(Integer value) throws InterruptedException;
    }

    /**
     * Releases parked receivers by sending each one a value: a {@code SynchronousQueue} cannot be
     * closed, and closing a Jox 1.0.1 channel ({@code done()}) over a million receivers overflowed
     * the closing thread's stack.
     */
    private static void sendToEach(Thread[] parked, Send send) {
        try {
            for (int i = 0; i < parked.length; i++) {
                send.send(i);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parks {@code n} goroutines of {@code c}, weighs them, then frees and joins them. */
    private static double measure(Contender c, int n) throws InterruptedException {
        Round round = c.round().get();
        Thread[] parked = new Thread[n];
        LongAdder started = new LongAdder();
        Runnable body = () -> {
            started.increment();
            round.park().run();
        };
        long before = liveHeap();
        for (int i = 0; i < n; i++) {
            parked[i] = c.start().apply(body);
        }
        awaitParked(parked, started);
        long after = liveHeap();
        round.release().release(parked);
        for (Thread t : parked) {
            t.join();
        }
        return (double) (after - before) / n;
    }

    /** Waits until every goroutine has started and is blocked. */
    private static void awaitParked(Thread[] parked,
            LongAdder started) throws InterruptedException {
        while (started.sum() < parked.length) {
            Thread.sleep(10);
        }
        for (Thread t : parked) {
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
    }

    /** The heap in use after a full collection, in bytes. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
