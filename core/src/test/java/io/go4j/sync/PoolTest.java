package io.go4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Go;
import io.go4j.Goroutines;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's {@code sync.Pool}: reuse, {@code New}, nil, and no item handed to two users at once; the
 * ports are of Go's {@code sync/pool_test.go}.
 */
@Timeout(20)
class PoolTest {

    @Test
    void getMakesANewItemOrReturnsOnePut() {
        AtomicInteger made = new AtomicInteger();
        Pool<StringBuilder> p = new Pool<>(() -> {
            made.incrementAndGet();
            return new StringBuilder();
        });
        StringBuilder a = p.get();
        StringBuilder b = p.get();
        assertNotSame(a, b);
        assertEquals(2, made.get());
        p.put(a);
        assertSame(a, p.get(), "reused");
        assertEquals(2, made.get());
    }

    /** Go's TestPoolNew, and nil: a nil New gives nil, a nil Put is ignored. */
    @Test
    void testPoolNew() {
        Pool<String> p = new Pool<>(() -> null);
        p.put(null);
        assertNull(p.get());
        p.put("a");
        assertEquals("a", p.get());
        assertNull(p.get(), "empty again");
    }

    @Test
    void anItemPutOnOneThreadIsFoundFromAnother() throws Exception {
        Pool<Object> p = new Pool<>(Object::new);
        Object item = new Object();
        p.put(item);
        AtomicReference<Object> got = new AtomicReference<>();
        Go.go(() -> got.set(p.get())).join();
        assertSame(item, got.get(),
                "the empty cache of the goroutine's carrier looks at the others");
    }

    /** Go's TestPoolStress shape: every item has one user at a time. */
    @Test
    void testPoolStress() throws Exception {
        Pool<AtomicBoolean> p = new Pool<>(AtomicBoolean::new);
        Goroutines.Body churn = () -> {
            for (int j = 0; j < 20_000; j++) {
                AtomicBoolean inUse = p.get();
                assertTrue(inUse.compareAndSet(false, true), "item handed out twice");
                inUse.set(false);
                p.put(inUse);
            }
        };
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 8; i++) {
                g.go(churn);
            }
            g.platform(churn);
        }
    }
}
