package io.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code golang.org/x/sync/errgroup} behaviour, without contexts. */
@Timeout(20)
class ErrGroupTest {

    @Test
    void zeroGroupAwaitsNothing() {
        new ErrGroup().await();
    }

    @Test
    void awaitWaitsForEveryTask() {
        ErrGroup g = new ErrGroup();
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            g.go(n::incrementAndGet);
        }
        g.await();
        assertEquals(50, n.get());
    }

    @Test
    void firstUncheckedFailureIsThrownAsIs() {
        ErrGroup g = new ErrGroup();
        IllegalStateException first = new IllegalStateException("first");
        g.go(() -> {
            throw first;
        });
        g.go(() -> { });
        assertSame(first, assertThrows(IllegalStateException.class, g::await));
        g.go(() -> {
            throw new IllegalArgumentException("second");
        });
        assertSame(first, assertThrows(IllegalStateException.class, g::await), "only the first failure counts");
    }

    @Test
    void checkedFailureIsWrapped() {
        ErrGroup g = new ErrGroup();
        IOException io = new IOException("disk");
        g.go(() -> {
            throw io;
        });
        g.go(() -> { });
        CompletionException e = assertThrows(CompletionException.class, g::await);
        assertSame(io, e.getCause());
    }

    @Test
    void limitBoundsRunningTasks() {
        ErrGroup g = new ErrGroup();
        g.setLimit(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        for (int i = 0; i < 40; i++) {
            g.go(() -> {
                int now = running.incrementAndGet();
                max.accumulateAndGet(now, Math::max);
                Thread.yield();
                running.decrementAndGet();
            });
        }
        g.await();
        assertTrue(max.get() <= 2, "limit exceeded: " + max.get());
    }

    @Test
    void tryGoAndSetLimitWhileActive() throws Exception {
        ErrGroup g = new ErrGroup();
        g.setLimit(1);
        CountDownLatch release = new CountDownLatch(1);
        assertTrue(g.tryGo(release::await));
        assertFalse(g.tryGo(() -> { }), "tryGo must fail when the limit is reached");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> g.setLimit(3));
        assertEquals("errgroup: modify limit while 1 goroutines in the group are still active", e.getMessage());
        release.countDown();
        g.await();
        assertTrue(g.tryGo(() -> { }), "slot not given back");
        g.await();
        g.setLimit(-1);
        assertTrue(g.tryGo(() -> { }));
        g.await();
    }

    @Test
    void goBlocksAtTheLimitAndIsInterruptible() throws Exception {
        ErrGroup g = new ErrGroup();
        g.setLimit(0);
        AtomicInteger ran = new AtomicInteger();
        try (SyncTesting t = new SyncTesting()) {
            Thread starter = t.go(() -> {
                try {
                    g.go(ran::incrementAndGet);
                } catch (io.go4j.GoInterruptedException e) {
                    ran.addAndGet(100);
                }
            });
            SyncTesting.awaitBlocked(starter);
            starter.interrupt();
        }
        g.await();
        assertEquals(100, ran.get(), "go() at limit 0 must block, then throw without starting the task");
    }
}
