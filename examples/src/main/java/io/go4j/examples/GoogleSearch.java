package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.RecvChan;
import io.go4j.Select;
import io.go4j.time.Time;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Rob Pike's Google Search 3.0 ("Go Concurrency Patterns", 2012): three searches run at once, each
 * sent to two replicas of which the first to answer wins, and the whole search gives up on what
 * has not come back after 80 ms. The {@code select} in the collecting loop returns from the
 * method on the timeout, so it is written as a statement.
 */
public final class GoogleSearch implements Example {

    /** How long the search waits for all its results. */
    static final Duration TIMEOUT = Duration.ofMillis(80);
    /** A fake search takes a random time up to this. */
    private static final Duration SLOWEST_REPLICA = Duration.ofMillis(100);

    @Override
    public String name() {
        return "google-search";
    }

    @Override
    public String description() {
        return "Rob Pike's Google Search 3.0: replicated searches, first answer wins, 80 ms "
                + "timeout";
    }

    @Override
    public void run(PrintStream out) {
        Instant start = Instant.now();
        List<String> results = google("golang", SLOWEST_REPLICA, out);
        out.println(results);
        out.println(Time.format(Time.since(start)));
    }

    /** Go's {@code fakeSearch(kind)}: answers after a random time up to {@code slowest}. */
    static UnaryOperator<String> fakeSearch(String kind, Duration slowest) {
        return query -> {
            Time.sleep(Duration.ofNanos(ThreadLocalRandom.current()
                    .nextLong(slowest.toNanos() + 1)));
            return kind + " result for \"" + query + "\"";
        };
    }

    /**
     * Go's {@code Google(query)}: the web, image and video results that came within
     * {@link #TIMEOUT}, in the order they came.
     */
    static List<String> google(String query, Duration slowest, PrintStream out) {
        Chan<String> c = Chan.make();
        for (String kind : List.of("web", "image", "video")) {
            var replica1 = fakeSearch(kind + "1", slowest);
            var replica2 = fakeSearch(kind + "2", slowest);
            Go.go(() -> c.send(first(query, List.of(replica1, replica2))));
        }
        List<String> results = new ArrayList<>();
        RecvChan<Instant> timeout = Time.after(TIMEOUT);
        Select.Chosen chosen = new Select.Chosen();
        for (int i = 0; i < 3; i++) {
            switch (Select.select(chosen, Select.recv(c), Select.recv(timeout))) {
                case 0 -> results.add(chosen.value());
                default -> {
                    out.println("timed out");
                    return results;
                }
            }
        }
        return results;
    }

    /** Go's {@code First(query, replicas...)}: the answer of whichever replica answers first. */
    static String first(String query, List<UnaryOperator<String>> replicas) {
        // Buffered for all, so the replicas that lose do not stay blocked (Pike's has no buffer).
        Chan<String> c = Chan.make(replicas.size());
        for (UnaryOperator<String> replica : replicas) {
            Go.go(() -> c.send(replica.apply(query)));
        }
        return c.receive();
    }
}
