package io.go4j.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long the machine's cores take to pass a cache line back and forth: two platform
 * threads, each spinning until a shared counter says it is its turn, then handing the turn over.
 * Every unbuffered hand-off, contended lock and work steal between two carriers pays this price,
 * and on the virtual machines we run on it changes while you watch (67 ns before one 22-minute
 * run and 486 ns after it, on one VM), which moves go4j's ratios to Go and to the JDK more than
 * most changes to go4j do. {@code compare.sh} runs it before and after the suite so that a
 * comparison says in which of these conditions it was made.
 *
 * <p>Usage: {@code CoreRoundTrip LABEL OUTPUT-FILE}: appends
 * {@code CoreRoundTrip/LABEL 1 <ns> ns/op}, the median of {@value #ROUNDS} rounds of
 * {@value #ROUND_TRIPS} round trips, to the file, in the format of {@code go test -bench} lines,
 * which {@link Report} reads. On a single core it writes nothing: there is no second core.
 */
public final class CoreRoundTrip {

    private static final int ROUND_TRIPS = 500_000;
    /** Round trips per round when read between the rounds of {@link Interleaved}. */
    static final int BETWEEN_ROUNDS = 50_000;
    private static final int ROUNDS = 5;

    private CoreRoundTrip() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CoreRoundTrip LABEL OUTPUT-FILE");
        }
        if (Runtime.getRuntime().availableProcessors() < 2) {
            System.out.println("CoreRoundTrip: one core, nothing to measure");
            return;
        }
        String line = String.format("CoreRoundTrip/%s 1 %.1f ns/op%n", args[0],
                medianNanos(ROUND_TRIPS));
        System.out.print(line);
        Files.writeString(Path.of(args[1]), line, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * The median of {@value #ROUNDS} rounds of {@code roundTrips} round trips, in nanoseconds;
     * needs two cores. {@link Interleaved}, which reads it between its rounds, asks for fewer
     * round trips than {@link #main}, so that a loaded machine, where a round trip can take
     * 20 µs, does not hold it up for minutes.
     */
    static double medianNanos(int roundTrips) throws InterruptedException {
        double[] nanos = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            nanos[i] = roundTripNanos(roundTrips);
        }
        Arrays.sort(nanos);
        return nanos[ROUNDS / 2];
    }

    /** One round: the mean time of a round trip, in nanoseconds. */
    private static double roundTripNanos(int roundTrips) throws InterruptedException {
        AtomicLong turn = new AtomicLong();
        Thread echo = new Thread(() -> passTurns(turn, 1, roundTrips));
        echo.start();
        long start = System.nanoTime();
        passTurns(turn, 0, roundTrips);
        long elapsed = System.nanoTime() - start;
        echo.join();
        return (double) elapsed / roundTrips;
    }


    /**
     * Waits for each of this side's turns ({@code parity}, then every second one) and passes it on.
     */
    private static void passTurns(AtomicLong turn, int parity, int roundTrips) {
        for (long mine = parity; mine < 2L * roundTrips; mine += 2) {
            while (turn.get() != mine) {
                Thread.onSpinWait();
            }
            turn.set(mine + 1);
        }
    }
}
