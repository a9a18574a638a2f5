package io.go4j.examples;

import io.go4j.sync.WaitGroup;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go by Example, "Atomic Counters": fifty goroutines each add one to a shared counter a thousand
 * times. Go's {@code atomic.Uint64} is Java's {@link AtomicLong}; go4j needs no atomics of its own.
 */
public final class AtomicCounters implements Example {

    static final int GOROUTINES = 50;
    static final int INCREMENTS = 1000;

    @Override
    public String name() {
        return "atomic-counters";
    }

    @Override
    public String description() {
        return "Go by Example: " + GOROUTINES + " goroutines increment one atomic counter";
    }

    @Override
    public void run(PrintStream out) {
        AtomicLong ops = new AtomicLong();
        WaitGroup wg = new WaitGroup();

        for (int i = 0; i < GOROUTINES; i++) {
            wg.go(() -> {
                for (int c = 0; c < INCREMENTS; c++) {
                    ops.incrementAndGet();
                }
            });
        }

        wg.await();
        out.println("ops: " + ops.get());
    }
}
