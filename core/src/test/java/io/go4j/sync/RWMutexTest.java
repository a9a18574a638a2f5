package io.go4j.sync;

import static io.go4j.Goroutines.assertPanics;
import static io.go4j.Goroutines.awaitParkedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.go4j.GoInterruptedException;
import io.go4j.Goroutines;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Go's {@code sync/rwmutex_test.go}, ported, plus writer preference and interruption. */
@Timeout(30)
class RWMutexTest {

    private static void parallelReader(RWMutex m, BlockingQueue<Boolean> clocked,
            BlockingQueue<Boolean> cunlock,
            BlockingQueue<Boolean> cdone) throws InterruptedException {
        m.rLock();
        clocked.put(true);
        cunlock.take();
        m.rUnlock();
        cdone.put(true);
    }

    private static void doTestParallelReaders(int numReaders) throws Exception {
        RWMutex m = new RWMutex();
        BlockingQueue<Boolean> clocked = new ArrayBlockingQueue<>(numReaders);
        BlockingQueue<Boolean> cunlock = new ArrayBlockingQueue<>(numReaders);
        BlockingQueue<Boolean> cdone = new ArrayBlockingQueue<>(numReaders);
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < numReaders; i++) {
                g.go(() -> parallelReader(m, clocked, cunlock, cdone));
            }
            for (int i = 0; i < numReaders; i++) {
                clocked.take(); // all readers hold the lock at once
            }
            for (int i = 0; i < numReaders; i++) {
                cunlock.put(true);
            }
            for (int i = 0; i < numReaders; i++) {
                cdone.take();
            }
        }
        assertTrue(m.tryLock(), "readers left the lock held");
    }

    @Test
    void testParallelReaders() throws Exception {
        doTestParallelReaders(1);
        doTestParallelReaders(3);
        doTestParallelReaders(4);
    }

    private static void reader(RWMutex rwm, int iterations, AtomicInteger activity) {
        for (int i = 0; i < iterations; i++) {
            rwm.rLock();
            int n = activity.addAndGet(1);
            if (n < 1 || n >= 10000) {
                rwm.rUnlock();
                fail("wlock(" + n + ")");
            }
            for (int j = 0; j < 100; j++) {
                Thread.onSpinWait();
            }
            activity.addAndGet(-1);
            rwm.rUnlock();
        }
    }

    private static void writer(RWMutex rwm, int iterations, AtomicInteger activity) {
        for (int i = 0; i < iterations; i++) {
            rwm.lock();
            int n = activity.addAndGet(10000);
            if (n != 10000) {
                rwm.unlock();
                fail("wlock(" + n + ")");
            }
            for (int j = 0; j < 100; j++) {
                Thread.onSpinWait();
            }
            activity.addAndGet(-10000);
            rwm.unlock();
        }
    }

    private static void hammerRWMutex(int numReaders, int iterations) throws Exception {
        AtomicInteger activity = new AtomicInteger();
        RWMutex rwm = new RWMutex();
        try (Goroutines g = new Goroutines()) {
            g.go(() -> writer(rwm, iterations, activity));
            int i;
            for (i = 0; i < numReaders / 2; i++) {
                g.go(() -> reader(rwm, iterations, activity));
            }
            g.go(() -> writer(rwm, iterations, activity));
            for (; i < numReaders; i++) {
                g.go(() -> reader(rwm, iterations, activity));
            }
        }
        assertEquals(0, activity.get());
        assertTrue(rwm.tryLock(), "lock left held: " + rwm);
    }

    @Test
    void testRWMutex() throws Exception {
        RWMutex m = new RWMutex();
        m.lock();
        assertFalse(m.tryLock(), "TryLock succeeded with mutex locked");
        assertFalse(m.tryRLock(), "TryRLock succeeded with mutex locked");
        m.unlock();
        assertTrue(m.tryLock(), "TryLock failed with mutex unlocked");
        m.unlock();
        assertTrue(m.tryRLock(), "TryRLock failed with mutex unlocked");
        assertTrue(m.tryRLock(), "TryRLock failed with mutex rlocked");
        assertFalse(m.tryLock(), "TryLock succeeded with mutex rlocked");
        m.rUnlock();
        m.rUnlock();

        // Go runs this matrix under GOMAXPROCS 1, 4 and 10; the reader counts are what matter here.
        int n = 1000;
        for (int readers : new int[] {1, 3, 10, 1, 3, 10, 1, 3, 10, 5}) {
            hammerRWMutex(readers, n);
        }
    }

    /**
     * Go's hammer with sections of no length on platform threads and goroutines at once, so that
     * readers and writers mostly get in while spinning (before queueing, or a pending writer
     * watching the last reader leave) and sometimes through the queues.
     */
    @Test
    void briefSectionsOnPlatformThreadsAndGoroutines() throws Exception {
        AtomicInteger activity = new AtomicInteger();
        RWMutex rw = new RWMutex();
        Goroutines.Body readerBody = () -> {
            for (int i = 0; i < 20_000; i++) {
                rw.rLock();
                int n = activity.incrementAndGet();
                assertTrue(n >= 1 && n < 10000, "reader in with a writer: " + n);
                activity.decrementAndGet();
                rw.rUnlock();
            }
        };
        Goroutines.Body writerBody = () -> {
            for (int i = 0; i < 5_000; i++) {
                rw.lock();
                int n = activity.addAndGet(10000);
                assertTrue(n == 10000, "writer in with others: " + n);
                activity.addAndGet(-10000);
                rw.unlock();
            }
        };
        try (Goroutines g = new Goroutines()) {
            g.platform(readerBody);
            g.platform(writerBody);
            g.go(readerBody);
            g.go(writerBody);
        }
        assertEquals(0, activity.get());
        assertTrue(rw.tryLock(), "lock left held: " + rw);
    }

    /**
     * The pattern of Go's {@code BenchmarkRWMutexWrite10} on goroutines and platform threads at
     * once: each does a write lock every tenth operation and read locks otherwise, with sections
     * of no length. Readers keep arriving while a writer is pending or holds the lock, so they
     * take the queueing path (and its hand-back of their count) all the time; a lost wake-up
     * shows as a timeout. It once hung a JMH run that the tests above passed.
     */
    @Test
    void writeEveryTenthOperation() throws Exception {
        AtomicInteger activity = new AtomicInteger();
        RWMutex rw = new RWMutex();
        Goroutines.Body body = () -> {
            for (int i = 1; i <= 200_000; i++) {
                if (i % 10 == 0) {
                    rw.lock();
                    int n = activity.addAndGet(10000);
                    assertTrue(n == 10000, "writer in with others: " + n);
                    activity.addAndGet(-10000);
                    rw.unlock();
                } else {
                    rw.rLock();
                    int n = activity.incrementAndGet();
                    assertTrue(n >= 1 && n < 10000, "reader in with a writer: " + n);
                    activity.decrementAndGet();
                    rw.rUnlock();
                }
            }
        };
        try (Goroutines g = new Goroutines()) {
            g.go(body);
            g.go(body);
            g.platform(body);
        }
        assertEquals(0, activity.get());
        assertTrue(rw.tryLock(), "lock left held: " + rw);
    }

    @Test
    void interruptedBeforeWaitsThatMustBlock() {
        RWMutex rw = new RWMutex();
        rw.lock();
        Thread.currentThread().interrupt();
        try {
            assertThrows(GoInterruptedException.class, rw::rLock);
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status lost");
            assertThrows(GoInterruptedException.class, rw::lock);
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status lost");
            rw.unlock();
            rw.rLock();
            assertThrows(GoInterruptedException.class, rw::lock); // pending: a reader is in
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status lost");
        } finally {
            Thread.interrupted();
        }
        assertTrue(rw.tryRLock(), "the interrupted writer kept the slot: " + rw);
        rw.rUnlock();
        rw.rUnlock();
        assertTrue(rw.tryLock(), "interrupted calls must leave nothing behind: " + rw);
    }

    @Test
    void testRLocker() throws Exception {
        RWMutex wl = new RWMutex();
        Locker rl = wl.rLocker();
        assertSame(rl, wl.rLocker());
        BlockingQueue<Boolean> wlocked = new ArrayBlockingQueue<>(1);
        BlockingQueue<Boolean> rlocked = new ArrayBlockingQueue<>(1);
        int n = 10;
        try (Goroutines g = new Goroutines()) {
            g.go(() -> {
                for (int i = 0; i < n; i++) {
                    rl.lock();
                    rl.lock();
                    rlocked.put(true);
                    wl.lock();
                    wlocked.put(true);
                }
            });
            for (int i = 0; i < n; i++) {
                rlocked.take();
                rl.unlock();
                assertNull(wlocked.poll(), "RLocker() didn't read-lock it");
                rl.unlock();
                wlocked.take();
                assertNull(rlocked.poll(), "RLocker() didn't respect the write lock");
                wl.unlock();
            }
        }
    }

    @Test
    void misuse() {
        assertPanics("sync: Unlock of unlocked RWMutex", () -> new RWMutex().unlock());
        RWMutex mu2 = new RWMutex();
        mu2.rLock();
        assertPanics("sync: Unlock of unlocked RWMutex", mu2::unlock);
        RWMutex mu3 = new RWMutex();
        mu3.lock();
        mu3.unlock();
        assertPanics("sync: Unlock of unlocked RWMutex", mu3::unlock);
        assertPanics("sync: RUnlock of unlocked RWMutex", () -> new RWMutex().rUnlock());
        RWMutex mu5 = new RWMutex();
        mu5.lock();
        assertPanics("sync: RUnlock of unlocked RWMutex", mu5::rUnlock);
        RWMutex mu6 = new RWMutex();
        mu6.rLock();
        mu6.rUnlock();
        assertPanics("sync: RUnlock of unlocked RWMutex", mu6::rUnlock);
        assertTrue(mu6.tryLock(), "a failed rUnlock must leave the lock usable");
    }

    @Test
    void blockedWriterStopsNewReaders() throws Exception {
        RWMutex rw = new RWMutex();
        AtomicInteger order = new AtomicInteger();
        int[] seen = new int[2];
        rw.rLock();
        try (Goroutines g = new Goroutines()) {
            Thread w = g.go(() -> {
                rw.lock();
                seen[0] = order.incrementAndGet();
                rw.unlock();
            });
            awaitParkedOn(w, rw);
            assertFalse(rw.tryRLock(), "a new reader got in past a waiting writer");
            Thread r = g.go(() -> {
                rw.rLock();
                seen[1] = order.incrementAndGet();
                rw.rUnlock();
            });
            awaitParkedOn(r, rw);
            rw.rUnlock();
        }
        assertEquals(1, seen[0], "the writer goes first");
        assertEquals(2, seen[1], "the reader queued behind the writer goes next");
    }

    @Test
    void queuedReadersGoBeforeTheNextWriter() throws Exception {
        RWMutex rw = new RWMutex();
        rw.lock();
        AtomicInteger readersIn = new AtomicInteger();
        int[] readersWhenWriter2Got = {-1};
        try (Goroutines g = new Goroutines()) {
            Thread r1 = g.go(() -> {
                rw.rLock();
                readersIn.incrementAndGet();
                rw.rUnlock();
            });
            awaitParkedOn(r1, rw);
            Thread w2 = g.go(() -> {
                rw.lock();
                readersWhenWriter2Got[0] = readersIn.get();
                rw.unlock();
            });
            awaitParkedOn(w2, rw);
            rw.unlock();
        }
        assertEquals(1, readersWhenWriter2Got[0],
                "the queued reader must get in before the next writer");
    }

    @Test
    void lockedHandles() {
        RWMutex rw = new RWMutex();
        try (var held = rw.locked()) {
            assertFalse(rw.tryRLock());
        }
        try (var held = rw.rLocked()) {
            assertFalse(rw.tryLock());
            assertTrue(rw.tryRLock());
            rw.rUnlock();
        }
        try (var held = rw.rLocker().locked()) {
            assertFalse(rw.tryLock());
        }
        assertTrue(rw.tryLock());
    }

    @Test
    void interruptedPendingWriterLetsReadersIn() throws Exception {
        RWMutex rw = new RWMutex();
        rw.rLock();
        try (Goroutines g = new Goroutines()) {
            boolean[] readerGotIn = {false};
            Thread w = g.go(() -> {
                try {
                    rw.lock();
                    fail("lock() acquired while a reader held it");
                } catch (GoInterruptedException e) {
                    assertTrue(Thread.currentThread().isInterrupted());
                }
            });
            awaitParkedOn(w, rw);
            Thread r = g.go(() -> {
                rw.rLock();
                readerGotIn[0] = true;
                rw.rUnlock();
            });
            awaitParkedOn(r, rw);
            w.interrupt();
            w.join();
            r.join();
            assertTrue(readerGotIn[0], "the reader blocked behind the writer must get in");
        }
        assertFalse(rw.tryLock(), "the first reader still holds it");
        rw.rUnlock();
        assertTrue(rw.tryLock(), "the interrupted writer must not hold it");
    }

    @Test
    void interruptedQueuedWriterAndReader() throws Exception {
        RWMutex rw = new RWMutex();
        rw.lock();
        try (Goroutines g = new Goroutines()) {
            g.assertInterruptible(rw, rw::lock);
            g.assertInterruptible(rw, rw::rLock);
        }
        rw.unlock();
        assertTrue(rw.tryRLock(), "interrupted waiters must leave nothing behind: " + rw);
        rw.rUnlock();
        assertTrue(rw.tryLock(), "interrupted waiters must leave nothing behind: " + rw);
    }
}
