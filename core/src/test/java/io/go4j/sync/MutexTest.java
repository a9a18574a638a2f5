package io.go4j.sync;

import static io.go4j.Goroutines.assertPanics;
import static io.go4j.Goroutines.awaitParkedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Goroutines;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Go's {@code sync/mutex_test.go}, ported, plus go4j's interruption and try-with-resources. */
@Timeout(20)
class MutexTest {

    private static void hammerMutex(Mutex m, int loops, BlockingQueue<Boolean> done) {
        for (int i = 0; i < loops; i++) {
            if (i % 3 == 0) {
                if (m.tryLock()) {
                    m.unlock();
                }
                continue;
            }
            m.lock();
            m.unlock();
        }
        done.add(true);
    }

    @Test
    void testMutex() throws Exception {
        Mutex m = new Mutex();
        m.lock();
        assertFalse(m.tryLock(), "TryLock succeeded with mutex locked");
        m.unlock();
        assertTrue(m.tryLock(), "TryLock failed with mutex unlocked");
        m.unlock();

        BlockingQueue<Boolean> c = new ArrayBlockingQueue<>(10);
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 10; i++) {
                g.go(() -> hammerMutex(m, 1000, c));
            }
            for (int i = 0; i < 10; i++) {
                c.take();
            }
        }
        assertTrue(m.tryLock(), "mutex left locked");
    }

    @Test
    void hammerCountsUnderLock() throws Exception {
        Mutex m = new Mutex();
        int[] counter = {0};
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 8; i++) {
                g.go(() -> {
                    for (int j = 0; j < 2000; j++) {
                        m.lock();
                        counter[0]++;
                        m.unlock();
                    }
                });
            }
        }
        m.lock();
        assertEquals(16000, counter[0], "increments lost: mutual exclusion broken");
        m.unlock();
    }

    @Test
    void misuseMutexUnlock() {
        assertPanics("sync: unlock of unlocked mutex", () -> new Mutex().unlock());
    }

    @Test
    void misuseMutexUnlock2() {
        Mutex mu = new Mutex();
        mu.lock();
        mu.unlock();
        assertPanics("sync: unlock of unlocked mutex", mu::unlock);
        assertTrue(mu.tryLock(), "a failed unlock must leave the mutex usable");
    }

    @Test
    void testMutexFairness() throws Exception {
        Mutex mu = new Mutex();
        AtomicBoolean stop = new AtomicBoolean();
        try (Goroutines g = new Goroutines()) {
            g.go(() -> {
                while (!stop.get()) {
                    mu.lock();
                    LockSupport.parkNanos(100_000);
                    mu.unlock();
                }
            });
            Thread t = g.go(() -> {
                for (int i = 0; i < 10; i++) {
                    LockSupport.parkNanos(100_000);
                    mu.lock();
                    mu.unlock();
                }
            });
            boolean finished = t.join(Duration.ofSeconds(10));
            stop.set(true);
            assertTrue(finished, "can't acquire Mutex in 10 seconds");
        }
    }

    @Test
    void unlockedByAnotherThread() throws Exception {
        Mutex mu = new Mutex();
        mu.lock();
        try (Goroutines g = new Goroutines()) {
            g.go(mu::unlock);
        }
        assertTrue(mu.tryLock(), "unlock from another goroutine did not unlock");
    }

    @Test
    void notReentrant() throws Exception {
        Mutex mu = new Mutex();
        mu.lock();
        assertFalse(mu.tryLock(), "TryLock by the holder must fail: Mutex is not reentrant");
        mu.unlock();
    }

    @Test
    void blockedLockerGetsTheLockAfterUnlock() throws Exception {
        Mutex mu = new Mutex();
        AtomicInteger got = new AtomicInteger();
        mu.lock();
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go(() -> {
                mu.lock();
                got.set(1);
                mu.unlock();
            });
            awaitParkedOn(t, mu);
            assertEquals(0, got.get(), "lock() returned while the mutex was held");
            mu.unlock();
        }
        assertEquals(1, got.get());
    }

    @Test
    void lockedHandleUnlocks() {
        Mutex mu = new Mutex();
        try (var held = mu.locked()) {
            assertFalse(mu.tryLock(), "locked() did not lock");
        }
        assertTrue(mu.tryLock(), "closing the handle did not unlock");
        mu.unlock();
        Locker l = mu;
        try (Locker.Held held = l.locked()) {
            assertFalse(mu.tryLock());
        }
        assertTrue(mu.tryLock());
    }

    @Test
    void interruptedLockDoesNotAcquire() throws Exception {
        Mutex mu = new Mutex();
        mu.lock();
        try (Goroutines g = new Goroutines()) {
            g.assertInterruptible(mu, mu::lock);
        }
        assertFalse(mu.tryLock(), "the holder must still hold it");
        mu.unlock();
        assertTrue(mu.tryLock(), "the interrupted locker must not have acquired it");
        mu.unlock();
        assertFalse(mu.toString().contains("waiters"),
                "interrupted waiter left in the queue: " + mu);
    }

    @Test
    void interruptedWaiterDoesNotBlockOthers() throws Exception {
        Mutex mu = new Mutex();
        AtomicInteger got = new AtomicInteger();
        mu.lock();
        try (Goroutines g = new Goroutines()) {
            Thread first = g.go(() -> {
                try {
                    mu.lock();
                    mu.unlock();
                } catch (io.go4j.GoInterruptedException e) {
                    got.addAndGet(100);
                }
            });
            awaitParkedOn(first, mu);
            Thread second = g.go(() -> {
                mu.lock();
                got.incrementAndGet();
                mu.unlock();
            });
            awaitParkedOn(second, mu);
            first.interrupt();
            first.join();
            mu.unlock();
        }
        assertEquals(101, got.get(), "first interrupted, second acquired");
    }

    @Test
    void interruptStatusAloneDoesNotStopAnUncontendedLock() {
        Mutex mu = new Mutex();
        Thread.currentThread().interrupt();
        try {
            mu.lock();
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status must be kept");
            mu.unlock();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void starvationModeHandsOffToOldestWaiter() throws Exception {
        // Many threads hammer the mutex while holding it for a while; every one of them must get
        // through: starvation mode bounds each waiter's wait.
        Mutex mu = new Mutex();
        AtomicInteger rounds = new AtomicInteger();
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 6; i++) {
                g.go(() -> {
                    for (int j = 0; j < 30; j++) {
                        mu.lock();
                        LockSupport.parkNanos(50_000);
                        rounds.incrementAndGet();
                        mu.unlock();
                    }
                });
            }
        }
        assertEquals(180, rounds.get());
        assertTrue(mu.tryLock(), "mutex left locked: " + mu);
    }
}
