package io.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Goroutines;
import io.go4j.context.Context;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code golang.org/x/sync/errgroup} behaviour; the ports are of its
 * {@code errgroup/errgroup_test.go}.
 */
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
        assertSame(first, assertThrows(IllegalStateException.class, g::await),
                "only the first failure counts");
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
        assertEquals("disk", e.getMessage());
        assertEquals("disk", String.valueOf(e), "printed as Go prints the error");
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
        assertEquals("errgroup: modify limit while 1 goroutines in the group are still active",
                e.getMessage());
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
        try (Goroutines t = new Goroutines()) {
            Thread starter = t.go(() -> {
                try {
                    g.go(ran::incrementAndGet);
                } catch (io.go4j.GoInterruptedException e) {
                    ran.addAndGet(100);
                }
            });
            Goroutines.awaitBlocked(starter);
            starter.interrupt();
        }
        g.await();
        assertEquals(100, ran.get(),
                "go() at limit 0 must block, then throw without starting the task");
    }

    /** errgroup's TestWithContext: await returns the first failure, and the context is canceled. */
    @Test
    void testWithContext() {
        IllegalStateException err1 = new IllegalStateException("errgroup_test: 1");
        IllegalStateException err2 = new IllegalStateException("errgroup_test: 2");
        record Case(List<IllegalStateException> errs, IllegalStateException want) {
        }
        // With Collections.singletonList and Arrays.asList, since List.of refuses nulls.
        for (Case tc : List.of(
                new Case(List.of(), null),
                new Case(java.util.Collections.singletonList(null), null),
                new Case(List.of(err1), err1),
                new Case(java.util.Arrays.asList(err1, null), err1),
                new Case(List.of(err1, err2), err1))) {
            ErrGroup.WithContext gc = ErrGroup.withContext(Context.background());
            ErrGroup g = gc.group();
            for (IllegalStateException err : tc.errs()) {
                boolean later = err != null && err != tc.want();
                g.go(() -> {
                    if (later) {
                        gc.ctx().done().receive(); // fails only after the first failure
                    }
                    if (err != null) {
                        throw err;
                    }
                });
            }
            if (tc.want() == null) {
                g.await();
            } else {
                assertSame(tc.want(), assertThrows(IllegalStateException.class, g::await));
            }
            assertNotNull(gc.ctx().done().tryReceive(), "context not canceled after await");
            assertSame(Context.CANCELED, gc.ctx().err());
        }
    }

    @Test
    void withContextIsCanceledByTheFirstFailureWithItAsCause() {
        ErrGroup.WithContext gc = ErrGroup.withContext(Context.background());
        Context ctx = gc.ctx();
        IOException boom = new IOException("boom");
        gc.group().go(() -> {
            ctx.done().receive();
            throw ctx.err();
        });
        gc.group().go(() -> {
            throw boom;
        });
        CompletionException e = assertThrows(CompletionException.class, gc.group()::await);
        assertSame(boom, e.getCause());
        assertSame(boom, Context.cause(ctx));
    }

    @Test
    void withContextOfACanceledParent() {
        Context.WithCancel parent = Context.withCancel(Context.background());
        ErrGroup.WithContext gc = ErrGroup.withContext(parent.ctx());
        assertNull(gc.ctx().err());
        parent.cancel().cancel();
        assertSame(Context.CANCELED, gc.ctx().err());
        gc.group().await();
    }
}
