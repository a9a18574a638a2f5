package io.go4j.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.RecvChan;
import io.go4j.Select;
import java.io.File;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Timers cost no thread each, and a timer that nothing can receive from any more costs no memory
 * until it fires (Go 1.23's collectable timers).
 */
class TimerMemoryTest {

    private static final Duration HOUR = Duration.ofHours(1);

    /**
     * Ten million selects, each with an {@code after(1 hour)} case, in a JVM with a 64 MB heap:
     * kept until they fire, the timers and their channels would take gigabytes.
     */
    @Test
    @Timeout(120)
    void tenMillionAfterSelectsRunInBoundedHeap() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classpath = Path.of("target", "classes") + File.pathSeparator
                + Path.of("target", "test-classes");
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", classpath, AfterLoop.class.getName(), "10000000"))
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(100, TimeUnit.SECONDS), "the loop did not end");
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.contains("done 10000000"), output);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @Timeout(20)
    void selectsWithAfterStartNoThread() {
        Time.after(Duration.ZERO).receive(); // the timer thread, once per service
        int before = Thread.getAllStackTraces().size();
        Chan<Integer> ready = Chan.make(1);
        for (int i = 0; i < 10_000; i++) {
            ready.send(i);
            Select.select(Select.recv(ready), Select.recv(Time.after(HOUR)));
            Time.newTimer(HOUR).stop();
        }
        int after = Thread.getAllStackTraces().size();
        assertTrue(after <= before + 2, "threads: " + before + " before, " + after + " after");
    }

    @Test
    @Timeout(20)
    void unreferencedTimersAndTickersAreCollected() {
        assertCollected(() -> Time.newTimer(HOUR));
        assertCollected(() -> Time.newTimer(HOUR).c());
        assertCollected(() -> Time.after(HOUR));
        assertCollected(() -> Time.newTicker(Duration.ofMillis(1)));
        assertCollected(() -> Time.tick(HOUR));
    }

    @Test
    @Timeout(20)
    void aReferencedTimerIsNotDropped() {
        RecvChan<Instant> c = Time.after(Duration.ofMillis(200));
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        c.receive();
    }

    /**
     * A receiver blocked on a timer's channel puts the timer in the heap, which then keeps it and
     * its channel reachable until it fires, even when nobody keeps the goroutine's thread.
     */
    @Test
    @Timeout(20)
    void aGoroutineBlockedOnlyOnAnAfterChannelIsWoken() {
        Chan<Boolean> woken = Chan.make(1);
        Go.go(() -> {
            Time.after(Duration.ofMillis(300)).receive();
            woken.send(true);
        });
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        assertTrue(woken.receive());
    }

    private static void assertCollected(Supplier<Object> make) {
        WeakReference<Object> ref = new WeakReference<>(make.get());
        for (int i = 0; i < 100 && !ref.refersTo(null); i++) {
            System.gc();
        }
        assertTrue(ref.refersTo(null), "still reachable: " + ref.get());
    }
}
