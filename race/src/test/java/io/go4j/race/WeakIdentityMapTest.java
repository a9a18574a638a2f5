package io.go4j.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WeakIdentityMapTest {

    /** Equal to every other instance: the map must still tell them apart. */
    private static final class AllEqual {
        @Override
        public boolean equals(Object o) {
            return o instanceof AllEqual;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    @Test
    void keysAreIdentities() {
        WeakIdentityMap<Object> map = new WeakIdentityMap<>();
        AllEqual a = new AllEqual();
        AllEqual b = new AllEqual();
        Object va = map.get(a, Object::new);
        Object vb = map.get(b, Object::new);
        assertNotSame(va, vb);
        assertSame(va, map.get(a, Object::new));
        assertSame(vb, map.find(b));
        assertNull(map.find(new AllEqual()));
    }

    @Test
    void manyKeysSurviveGrowth() {
        WeakIdentityMap<Integer> map = new WeakIdentityMap<>();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Object k = new Object();
            keys.add(k);
            int v = i;
            map.get(k, () -> v);
        }
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(i, map.find(keys.get(i)));
        }
    }

    @Test
    @Timeout(60)
    void valuesOfCollectedKeysAreDropped() throws InterruptedException {
        WeakIdentityMap<Object> map = new WeakIdentityMap<>();
        AtomicInteger made = new AtomicInteger();
        Object[] value = {new Object()};
        WeakReference<Object> valueRef = new WeakReference<>(value[0]);
        map.get(new Object(), () -> {
            made.incrementAndGet();
            return value[0];
        });
        value[0] = null;
        // The entry goes on a later lookup once its key is collected; the value with it.
        Object other = new Object();
        while (valueRef.get() != null) {
            System.gc();
            for (int i = 0; i < 1000; i++) {
                map.find(other);
                map.get(new Object(), Object::new);
            }
            Thread.sleep(10);
        }
        assertEquals(1, made.get());
    }
}
