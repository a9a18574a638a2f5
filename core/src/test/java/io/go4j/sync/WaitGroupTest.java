package io.go4j.sync;

import static io.go4j.Goroutines.assertPanics;
import static io.go4j.Goroutines.awaitParkedOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Goroutines;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Go's {@code sync/waitgroup_test.go}, ported, plus {@code wg.Go} and interruption. */
@Timeout(20)
class WaitGroupTest {

    private static void testWaitGroup(WaitGroup wg1, WaitGroup wg2) throws Exception {
        int n = 16;
        wg1.add(n);
        wg2.add(n);
        BlockingQueue<Boolean> exited = new ArrayBlockingQueue<>(n);
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i != n; i++) {
                g.go(() -> {
                    wg1.done();
                    wg2.await();
                    exited.put(true);
                });
            }
            wg1.await();
            for (int i = 0; i != n; i++) {
                assertNull(exited.poll(), "WaitGroup released group too soon");
                wg2.done();
            }
            for (int i = 0; i != n; i++) {
                exited.take();
            }
        }
    }

    @Test
    void testWaitGroup() throws Exception {
        WaitGroup wg1 = new WaitGroup();
        WaitGroup wg2 = new WaitGroup();
        for (int i = 0; i != 8; i++) {
            testWaitGroup(wg1, wg2);
        }
    }

    @Test
    void testWaitGroupMisuse() {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        wg.done();
        assertPanics("sync: negative WaitGroup counter", wg::done);
        assertPanics("sync: negative WaitGroup counter", () -> wg.add(-5));
        wg.add(1); // the failed calls changed nothing
        wg.done();
        wg.await();
    }

    @Test
    void testWaitGroupRace() throws Exception {
        for (int i = 0; i < 1000; i++) {
            WaitGroup wg = new WaitGroup();
            AtomicInteger n = new AtomicInteger();
            wg.add(1);
            io.go4j.Go.go(() -> {
                n.incrementAndGet();
                wg.done();
            });
            wg.add(1);
            io.go4j.Go.go(() -> {
                n.incrementAndGet();
                wg.done();
            });
            wg.await();
            assertEquals(2, n.get(), "Spurious wakeup from Wait");
        }
    }

    @Test
    void goRunsBodyAndCountsIt() throws Exception {
        WaitGroup wg = new WaitGroup();
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            wg.go(n::incrementAndGet);
        }
        wg.await();
        assertEquals(100, n.get(), "await returned before every wg.go body ended");
    }

    @Test
    void goCallsDoneWhenBodyThrows() throws Exception {
        WaitGroup wg = new WaitGroup();
        Thread t = wg.go(() -> {
            throw new IllegalArgumentException("boom");
        });
        wg.await();
        t.join();
        assertEquals("WaitGroup[counter=0, waiters=0]", wg.toString());
    }

    @Test
    void doneHappensBeforeAwaitReturns() throws Exception {
        for (int i = 0; i < 200; i++) {
            WaitGroup wg = new WaitGroup();
            int[] data = new int[1];
            wg.go(() -> data[0] = 42); // plain write, published only by done -> await
            wg.await();
            assertEquals(42, data[0]);
        }
    }

    @Test
    void interruptedAwaitLeavesCleanly() throws Exception {
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        try (Goroutines g = new Goroutines()) {
            g.assertInterruptible(wg, wg::await);
            assertEquals("WaitGroup[counter=1, waiters=0]", wg.toString(),
                    "the waiter must no longer count");
            Thread waiter = g.go(wg::await);
            awaitParkedOn(waiter, wg);
            wg.done();
        }
        assertEquals("WaitGroup[counter=0, waiters=0]", wg.toString());
    }

    @Test
    void reuseAfterWaitReturned() throws Exception {
        WaitGroup wg = new WaitGroup();
        for (int round = 0; round < 50; round++) {
            AtomicInteger n = new AtomicInteger();
            try (Goroutines g = new Goroutines()) {
                for (int i = 0; i < 4; i++) {
                    wg.add(1);
                    g.go(() -> {
                        n.incrementAndGet();
                        wg.done();
                    });
                }
                wg.await();
                assertTrue(n.get() == 4, "round " + round + ": await returned early");
            }
        }
    }
}
