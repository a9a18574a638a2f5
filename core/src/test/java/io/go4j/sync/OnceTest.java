package io.go4j.sync;

import static io.go4j.Goroutines.awaitParkedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.go4j.Goroutines;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Go's {@code sync/once_test.go} and {@code oncefunc_test.go} (Go 1.21), ported. */
@Timeout(20)
class OnceTest {

    @Test
    void testOnce() throws Exception {
        int[] o = {0};
        Once once = new Once();
        BlockingQueue<Boolean> c = new ArrayBlockingQueue<>(10);
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 10; i++) {
                g.go(() -> {
                    once.run(() -> o[0]++);
                    // body happens-before run returns
                    assertEquals(1, o[0], "once failed inside run");
                    c.put(true);
                });
            }
            for (int i = 0; i < 10; i++) {
                c.take();
            }
        }
        assertEquals(1, o[0], "once failed outside run");
    }

    @Test
    void testOncePanic() {
        Once once = new Once();
        RuntimeException e = assertThrows(RuntimeException.class, () -> once.run(() -> {
            throw new RuntimeException("failed");
        }));
        assertEquals("failed", e.getMessage());
        once.run(() -> fail("Once.Do called twice"));
    }

    @Test
    void concurrentCallersWaitForTheBody() throws Exception {
        Once once = new Once();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        try (Goroutines g = new Goroutines()) {
            Thread first = g.go(() -> once.run(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                finished.incrementAndGet();
            }));
            Goroutines.awaitBlocked(first);
            Thread second = g.go(() -> {
                once.run(() -> fail("ran twice"));
                assertEquals(1, finished.get(), "run returned before the body finished");
            });
            Goroutines.awaitBlocked(second);
            release.countDown();
        }
    }

    @Test
    void onceFuncRunsOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Runnable f = Once.func(calls::incrementAndGet);
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 10; i++) {
                g.go(f::run);
            }
        }
        f.run();
        assertEquals(1, calls.get());
    }

    @Test
    void onceFuncRethrowsToEveryCaller() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("x");
        Runnable f = Once.func(() -> {
            calls.incrementAndGet();
            throw boom;
        });
        for (int i = 0; i < 3; i++) {
            assertSame(boom, assertThrows(IllegalStateException.class, f::run));
        }
        assertEquals(1, calls.get());
    }

    @Test
    void onceValue() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Integer> v = Once.value(() -> calls.incrementAndGet() + 41);
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 10; i++) {
                g.go(() -> assertEquals(42, v.get()));
            }
        }
        assertEquals(42, v.get());
        assertEquals(1, calls.get());
    }

    @Test
    void onceValueRethrows() {
        Error boom = new AssertionError("y");
        Supplier<String> v = Once.value(() -> {
            throw boom;
        });
        assertSame(boom, assertThrows(AssertionError.class, v::get));
        assertSame(boom, assertThrows(AssertionError.class, v::get));
    }

    @Test
    void interruptedWhileAnotherRunsTheBody() throws Exception {
        Once once = new Once();
        CountDownLatch release = new CountDownLatch(1);
        try (Goroutines g = new Goroutines()) {
            Thread first = g.go(() -> once.run(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
            Goroutines.awaitBlocked(first);
            Thread second = g.go(() -> {
                try {
                    once.run(() -> fail("ran twice"));
                    fail("run returned while the body was still running");
                } catch (io.go4j.GoInterruptedException e) {
                    assertEquals(true, Thread.currentThread().isInterrupted());
                }
            });
            Goroutines.awaitBlocked(second);
            second.interrupt();
            second.join();
            release.countDown();
        }
        once.run(() -> fail("ran twice"));
    }
}
