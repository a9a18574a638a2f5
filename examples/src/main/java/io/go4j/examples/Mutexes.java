package io.go4j.examples;

import io.go4j.sync.Mutex;
import io.go4j.sync.WaitGroup;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Go by Example, "Mutexes": a {@link Mutex} guards a map of counters that three goroutines
 * update. Go's {@code c.mu.Lock(); defer c.mu.Unlock()} is
 * {@code try (var held = mu.locked()) { ... }}.
 */
public final class Mutexes implements Example {

    static final int INCREMENTS = 10000;

    /**
     * Counters by name, safe to update from several goroutines. ({@code -Xlint:try} warns that
     * {@code held} is never used; Java 22's {@code var _} will not need the suppression.)
     */
    @SuppressWarnings("try")
    private static final class Container {
        private final Mutex mu = new Mutex();
        private final Map<String, Integer> counters = new TreeMap<>();

        Container(String... names) {
            for (String name : names) {
                counters.put(name, 0);
            }
        }

        void inc(String name) {
            try (var held = mu.locked()) {
                counters.merge(name, 1, Integer::sum);
            }
        }

        /** Formats the counters as Go's fmt prints a map: {@code map[k1:v1 k2:v2]}, keys sorted. */
        @Override
        public String toString() {
            try (var held = mu.locked()) {
                return counters.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue())
                        .collect(Collectors.joining(" ", "map[", "]"));
            }
        }
    }

    @Override
    public String name() {
        return "mutexes";
    }

    @Override
    public String description() {
        return "Go by Example: a Mutex guards a map that three goroutines update";
    }

    @Override
    public void run(PrintStream out) {
        Container c = new Container("a", "b");
        WaitGroup wg = new WaitGroup();

        wg.go(() -> doIncrement(c, "a", INCREMENTS));
        wg.go(() -> doIncrement(c, "a", INCREMENTS));
        wg.go(() -> doIncrement(c, "b", INCREMENTS));

        wg.await();
        out.println(c);
    }

    private static void doIncrement(Container c, String name, int n) {
        for (int i = 0; i < n; i++) {
            c.inc(name);
        }
    }
}
