package io.go4j.sync;

import static io.go4j.Goroutines.assertPanics;
import static io.go4j.Goroutines.awaitParkedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Go;
import io.go4j.GoInterruptedException;
import io.go4j.Goroutines;
import io.go4j.context.Context;
import io.go4j.context.ContextException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code golang.org/x/sync/semaphore} behaviour: weights, FIFO, no starvation, misuse; the ports
 * are of its {@code semaphore/semaphore_test.go}.
 */
@Timeout(20)
class SemaphoreTest {

    @Test
    void acquireAndRelease() {
        Semaphore s = new Semaphore(10);
        s.acquire(3);
        s.acquire(7);
        assertFalse(s.tryAcquire(1), "full semaphore gave out more");
        s.release(5);
        assertTrue(s.tryAcquire(5));
        assertFalse(s.tryAcquire(1));
        s.release(10);
        assertTrue(s.tryAcquire(10));
        s.release(10);
    }

    @Test
    void releasedMoreThanHeld() {
        Semaphore s = new Semaphore(2);
        s.acquire(1);
        assertPanics("semaphore: released more than held", () -> s.release(2));
        s.release(1);
        assertPanics("semaphore: released more than held", () -> s.release(1));
        assertTrue(s.tryAcquire(2), "failed releases must change nothing");
        assertThrows(IllegalArgumentException.class, () -> s.acquire(-1));
    }

    @Test
    void weightedHammer() throws Exception {
        Semaphore s = new Semaphore(10);
        AtomicInteger inUse = new AtomicInteger();
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 8; i++) {
                long w = i % 4 + 1;
                g.go(() -> {
                    for (int j = 0; j < 500; j++) {
                        s.acquire(w);
                        int now = inUse.addAndGet((int) w);
                        assertTrue(now <= 10, "weight in use " + now + " exceeds size");
                        inUse.addAndGet((int) -w);
                        s.release(w);
                    }
                });
            }
        }
        assertTrue(s.tryAcquire(10), "weight leaked: " + s);
    }

    /**
     * The benchmark's shape, on platform threads and goroutines at once: a unit held for no time
     * at all, so that waiters mostly get it while spinning, before they queue or before they
     * park, and sometimes through the queue. The unit is never held twice, nor lost.
     */
    @Test
    void briefHoldsOnPlatformThreadsAndGoroutines() throws Exception {
        Semaphore s = new Semaphore(1);
        AtomicInteger inUse = new AtomicInteger();
        Goroutines.Body hammer = () -> {
            for (int j = 0; j < 20_000; j++) {
                s.acquire(1);
                assertTrue(inUse.incrementAndGet() == 1, "the unit was held twice");
                inUse.decrementAndGet();
                s.release(1);
            }
        };
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 2; i++) {
                g.platform(hammer);
                g.go(hammer);
            }
        }
        assertTrue(s.tryAcquire(1), "unit leaked: " + s);
    }

    @Test
    void interruptedBeforeAWaitThatMustQueue() {
        Semaphore s = new Semaphore(2);
        s.acquire(2);
        Thread.currentThread().interrupt();
        try {
            assertThrows(GoInterruptedException.class, () -> s.acquire(1));
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status lost");
        } finally {
            Thread.interrupted();
        }
        s.release(2);
        assertTrue(s.tryAcquire(2), "the interrupted call acquired or queued something: " + s);
    }

    @Test
    void largeRequestAtHeadBlocksSmallerOnes() throws Exception {
        Semaphore s = new Semaphore(10);
        s.acquire(8);
        BlockingQueue<String> order = new ArrayBlockingQueue<>(4);
        try (Goroutines g = new Goroutines()) {
            Thread big = g.go(() -> {
                s.acquire(5);
                order.put("big");
            });
            awaitParkedOn(big, s);
            assertFalse(s.tryAcquire(1), "tryAcquire must not overtake a waiter");
            Thread small = g.go(() -> {
                s.acquire(1);
                order.put("small");
            });
            awaitParkedOn(small, s);
            assertTrue(order.isEmpty(), "the small request overtook the big one");
            s.release(3); // 5 free: the big one fits, then 0 free
            assertEquals("big", order.take());
            s.release(5); // the small one fits now
            assertEquals("small", order.take());
        }
        s.release(6);
        assertTrue(s.tryAcquire(10));
    }

    @Test
    void interruptedHeadLetsTheNextIn() throws Exception {
        Semaphore s = new Semaphore(4);
        s.acquire(3);
        BlockingQueue<String> got = new ArrayBlockingQueue<>(2);
        try (Goroutines g = new Goroutines()) {
            Thread big = g.go(() -> {
                try {
                    s.acquire(4);
                    got.put("big");
                } catch (GoInterruptedException e) {
                    got.add(Thread.currentThread().isInterrupted() ? "big interrupted"
                            : "status lost");
                }
            });
            awaitParkedOn(big, s);
            Thread small = g.go(() -> {
                s.acquire(1);
                got.put("small");
            });
            awaitParkedOn(small, s);
            big.interrupt();
            // The big one lets the small one in before it throws: either may report first.
            assertEquals(Set.of("big interrupted", "small"), Set.of(got.take(), got.take()));
        }
        s.release(4);
        assertTrue(s.tryAcquire(4), "weight leaked: " + s);
    }

    @Test
    void requestLargerThanSizeBlocksUntilInterrupted() throws Exception {
        Semaphore s = new Semaphore(3);
        try (Goroutines g = new Goroutines()) {
            g.assertInterruptible(s, () -> s.acquire(4));
        }
        assertTrue(s.tryAcquire(3), "a doomed request must not hold back others");
    }

    // ---- Acquire(ctx, n) ----

    @Test
    void acquireWithAContextDoneOnEntryTakesNothing() {
        Semaphore s = new Semaphore(2);
        var wc = Context.withCancel(Context.background());
        wc.cancel().cancel();
        assertSame(Context.CANCELED, s.acquire(wc.ctx(), 1),
                "fails even though the weight is free");
        assertTrue(s.tryAcquire(2), "nothing was taken");
        s.release(2);
        assertNull(s.acquire(Context.background(), 2), "a context that is never done");
        assertFalse(s.tryAcquire(1));
    }

    /** Go's TestWeightedAcquireCanceled shape: a canceled waiter at the head lets the next in. */
    @Test
    void testWeightedAcquireCanceled() throws Exception {
        Semaphore s = new Semaphore(2);
        s.acquire(2);
        var wc = Context.withCancel(Context.background());
        AtomicReference<ContextException> bigResult = new AtomicReference<>();
        try (Goroutines g = new Goroutines()) {
            Thread big = g.go(() -> bigResult.set(s.acquire(wc.ctx(), 2)));
            awaitParkedOn(big, s);
            Thread small = g.go(() -> s.acquire(1));
            awaitParkedOn(small, s);
            s.release(1);
            assertFalse(s.tryAcquire(1),
                    "the head (2) does not fit yet and holds the small one back");
            wc.cancel().cancel();
            big.join();
            small.join();
        }
        assertSame(Context.CANCELED, bigResult.get());
        assertEquals("Semaphore[size=2, held=2]", s.toString(),
                "1 kept by the test, 1 by the small waiter");
    }

    @Test
    void aWaiterGetsTheWeightBeforeItsDeadline() throws Exception {
        Semaphore s = new Semaphore(1);
        s.acquire(1);
        var wt = Context.withTimeout(Context.background(), Duration.ofHours(1));
        AtomicReference<Object> result = new AtomicReference<>("not returned");
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go(() -> result.set(s.acquire(wt.ctx(), 1)));
            awaitParkedOn(t, s);
            s.release(1);
            t.join();
        }
        wt.cancel().cancel();
        assertNull(result.get());
        assertFalse(s.tryAcquire(1), "the waiter holds it");
    }

    @Test
    void aDeadlineEndsTheWaitWithItsError() throws Exception {
        Semaphore s = new Semaphore(1);
        s.acquire(1);
        var wt = Context.withTimeout(Context.background(), Duration.ofMillis(10));
        assertSame(Context.DEADLINE_EXCEEDED, s.acquire(wt.ctx(), 1));
        assertSame(Context.DEADLINE_EXCEEDED, s.acquire(wt.ctx(), 5), "more than the size");
        s.release(1);
        assertTrue(s.tryAcquire(1), "nothing was taken");
    }

    @Test
    void anInterruptedContextAcquireTakesNothing() throws Exception {
        Semaphore s = new Semaphore(1);
        s.acquire(1);
        var wc = Context.withCancel(Context.background());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Go.go(() -> {
            try {
                s.acquire(wc.ctx(), 1);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        awaitParkedOn(t, s);
        t.interrupt();
        t.join();
        wc.cancel().cancel();
        assertTrue(thrown.get() instanceof GoInterruptedException, String.valueOf(thrown.get()));
        s.release(1);
        assertTrue(s.tryAcquire(1), "nothing was taken");
    }

    /** A cancel racing the grant: the waiter ends up with the weight and null, or with neither. */
    @Test
    void aCancelRacingAReleaseLeavesTheWeightWithExactlyOneSide() throws Exception {
        Semaphore s = new Semaphore(1);
        for (int round = 0; round < 300; round++) {
            s.acquire(1);
            var wc = Context.withCancel(Context.background());
            AtomicReference<Object> result = new AtomicReference<>("not returned");
            try (Goroutines g = new Goroutines()) {
                Thread waiter = g.go(() -> result.set(s.acquire(wc.ctx(), 1)));
                awaitParkedOn(waiter, s);
                g.go(() -> wc.cancel().cancel());
                s.release(1);
            }
            if (result.get() == null) {
                assertFalse(s.tryAcquire(1), "round " + round + ": acquired, so held");
                s.release(1);
            } else {
                assertSame(Context.CANCELED, result.get());
                assertTrue(s.tryAcquire(1), "round " + round + ": canceled, so nothing taken");
                s.release(1);
            }
        }
    }
}
