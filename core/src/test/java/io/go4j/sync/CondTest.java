package io.go4j.sync;

import static io.go4j.Goroutines.assertPanics;
import static io.go4j.Goroutines.awaitParkedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.go4j.GoInterruptedException;
import io.go4j.Goroutines;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Go's {@code sync/cond_test.go}, ported, plus interruption. */
@Timeout(30)
class CondTest {

    @Test
    void testCondSignal() throws Exception {
        Mutex m = new Mutex();
        Cond c = new Cond(m);
        int n = 2;
        BlockingQueue<Boolean> running = new ArrayBlockingQueue<>(n);
        BlockingQueue<Boolean> awake = new ArrayBlockingQueue<>(n);
        try (Goroutines g = new Goroutines()) {
            Thread[] waiters = new Thread[n];
            for (int i = 0; i < n; i++) {
                waiters[i] = g.go(() -> {
                    m.lock();
                    running.put(true);
                    c.await();
                    awake.put(true);
                    m.unlock();
                });
            }
            for (int i = 0; i < n; i++) {
                running.take();
            }
            for (Thread t : waiters) {
                awaitParkedOn(t, c); // Go only syncs on the mutex; parked is what it means
            }
            for (; n > 0; n--) {
                assertNull(awake.poll(), "goroutine not asleep");
                m.lock();
                c.signal();
                m.unlock();
                awake.take();
                assertNull(awake.poll(), "too many goroutines awake");
            }
            c.signal();
        }
    }

    @Test
    void testCondSignalGenerations() throws Exception {
        Mutex m = new Mutex();
        Cond c = new Cond(m);
        int n = 100;
        BlockingQueue<Boolean> running = new ArrayBlockingQueue<>(n);
        BlockingQueue<Integer> awake = new ArrayBlockingQueue<>(n);
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < n; i++) {
                int id = i;
                g.go(() -> {
                    m.lock();
                    running.put(true);
                    c.await();
                    awake.put(id);
                    m.unlock();
                });
                if (i > 0) {
                    int a = awake.take();
                    assertEquals(i - 1, a, "wrong goroutine woke up");
                }
                running.take();
                m.lock();
                c.signal();
                m.unlock();
            }
        }
    }

    @Test
    void testCondBroadcast() throws Exception {
        Mutex m = new Mutex();
        Cond c = new Cond(m);
        int n = 200;
        BlockingQueue<Integer> running = new ArrayBlockingQueue<>(n);
        BlockingQueue<Integer> awake = new ArrayBlockingQueue<>(n);
        boolean[] exit = {false};
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < n; i++) {
                int id = i;
                g.go(() -> {
                    m.lock();
                    while (!exit[0]) {
                        running.put(id);
                        c.await();
                        awake.put(id);
                    }
                    m.unlock();
                });
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    running.take();
                }
                if (i == n - 1) {
                    m.lock();
                    exit[0] = true;
                    m.unlock();
                }
                assertNull(awake.poll(), "goroutine not asleep");
                m.lock();
                c.broadcast();
                m.unlock();
                boolean[] seen = new boolean[n];
                for (int j = 0; j < n; j++) {
                    int w = awake.take();
                    assertFalse(seen[w], "goroutine woke up twice");
                    seen[w] = true;
                }
            }
        }
        assertNull(running.poll(), "goroutine did not exit");
        c.broadcast();
    }

    @Test
    void testCondSignalStealing() throws Exception {
        for (int iters = 0; iters < 1000; iters++) {
            Mutex m = new Mutex();
            Cond cond = new Cond(m);
            BlockingQueue<Boolean> ch = new ArrayBlockingQueue<>(1);
            boolean[] done = {false};
            try (Goroutines g = new Goroutines()) {
                g.go(() -> {
                    m.lock();
                    ch.put(true);
                    cond.await();
                    m.unlock();
                    ch.put(true);
                });
                ch.take();
                m.lock();
                m.unlock();
                // The first waiter is in await(): it held the mutex until it queued.
                g.go(cond::broadcast);
                g.go(() -> {
                    m.lock();
                    while (!done[0]) {
                        cond.await();
                    }
                    m.unlock();
                });
                if (ch.poll(2, java.util.concurrent.TimeUnit.SECONDS) == null) {
                    fail("First waiter didn't get broadcast.");
                }
                m.lock();
                done[0] = true;
                m.unlock();
                cond.broadcast();
            }
        }
    }

    @Test
    void interruptedAwaitConsumesNoSignalAndRelocks() throws Exception {
        Mutex m = new Mutex();
        Cond c = new Cond(m);
        BlockingQueue<String> events = new ArrayBlockingQueue<>(4);
        try (Goroutines g = new Goroutines()) {
            Thread first = g.go(() -> {
                m.lock();
                try {
                    c.await();
                    events.put("first signalled");
                } catch (GoInterruptedException e) {
                    assertTrue(Thread.currentThread().isInterrupted(), "interrupt status lost");
                    assertFalse(m.tryLock(), "await must hold the lock again when it throws");
                    // put() would throw: the interrupt status is set
                    events.add("first interrupted");
                } finally {
                    m.unlock();
                }
            });
            awaitParkedOn(first, c);
            Thread second = g.go(() -> {
                m.lock();
                c.await();
                events.put("second signalled");
                m.unlock();
            });
            awaitParkedOn(second, c);
            first.interrupt();
            assertEquals("first interrupted", events.take());
            c.signal();
            assertEquals("second signalled", events.take());
        }
    }

    @Test
    void awaitWorksWithRLocker() throws Exception {
        RWMutex rw = new RWMutex();
        Cond c = new Cond(rw.rLocker());
        try (Goroutines g = new Goroutines()) {
            Thread t = g.go(() -> {
                rw.rLock();
                c.await();
                rw.rUnlock();
            });
            awaitParkedOn(t, c);
            assertTrue(rw.tryLock(), "await must release the read lock");
            rw.unlock();
            c.signal();
        }
    }

    /**
     * Waiting without holding the lock is Go's fatal {@code unlock of unlocked mutex}; here it
     * throws, and leaves the Cond as it was: the next signal wakes a proper waiter.
     */
    @Test
    void awaitWithoutTheLockThrowsAndLeavesTheCondIntact() throws Exception {
        Mutex m = new Mutex();
        Cond c = new Cond(m);
        assertPanics("sync: unlock of unlocked mutex", c::await);
        BlockingQueue<Boolean> awake = new ArrayBlockingQueue<>(1);
        try (Goroutines g = new Goroutines()) {
            Thread waiter = g.go(() -> {
                m.lock();
                c.await();
                m.unlock();
                awake.put(true);
            });
            awaitParkedOn(waiter, c);
            c.signal();
            assertTrue(awake.take());
        }
    }
}
