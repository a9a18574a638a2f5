package io.go4j.race;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.Supplier;

/**
 * Shadow state per object: a concurrent map keyed by object identity that holds its keys weakly.
 * An object's entry lives as long as the object: the key is its identity hash (which the JVM
 * keeps when the GC moves the object) and a weak reference, and entries whose object was
 * collected are dropped on the next lookup in their stripe (on every lookup, not only on
 * insertions: a program may stop making new objects while old ones die, holding large clocks).
 *
 * <p>Cost: one entry (about 40 bytes) per object that was ever accessed or synchronized on, plus
 * its value; a lookup hashes to one of 64 stripes and takes its lock.
 *
 * @param <V> the state kept per object
 */
final class WeakIdentityMap<V> {

    private static final int STRIPES = 64;

    private final Stripe<V>[] stripes;

    @SuppressWarnings({"unchecked", "rawtypes"})
    WeakIdentityMap() {
        stripes = new Stripe[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe<>();
        }
    }

    /** @return the state of {@code key}, made by {@code make} on first use */
    V get(Object key, Supplier<V> make) {
        int h = System.identityHashCode(key);
        return stripes[(h ^ (h >>> 16)) & (STRIPES - 1)].get(key, h, make);
    }

    /** @return the state of {@code key}, now taken out of the map, or null if it had none */
    V remove(Object key) {
        int h = System.identityHashCode(key);
        return stripes[(h ^ (h >>> 16)) & (STRIPES - 1)].remove(key, h);
    }

    /** @return the state of {@code key}, or null if it has none */
    V find(Object key) {
        int h = System.identityHashCode(key);
        return stripes[(h ^ (h >>> 16)) & (STRIPES - 1)].get(key, h, null);
    }

    private static final class Entry<V> extends WeakReference<Object> {
        final int hash;
        final V value;
        Entry<V> next;

        Entry(Object key, int hash, V value, Entry<V> next, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = hash;
            this.value = value;
            this.next = next;
        }
    }

    private static final class Stripe<V> {
        private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Entry<V>[] table = new Entry[16];
        private int size;

        synchronized V get(Object key, int h, Supplier<V> make) {
            expunge();
            Entry<V>[] t = table;
            for (Entry<V> e = t[index(h, t.length)]; e != null; e = e.next) {
                if (e.hash == h && e.get() == key) {
                    return e.value;
                }
            }
            if (make == null) {
                return null;
            }
            if (size >= table.length - (table.length >>> 2)) {
                resize();
            }
            V value = make.get();
            int i = index(h, table.length);
            table[i] = new Entry<>(key, h, value, table[i], queue);
            size++;
            return value;
        }

        synchronized V remove(Object key, int h) {
            expunge();
            int i = index(h, table.length);
            Entry<V> prev = null;
            for (Entry<V> e = table[i]; e != null; prev = e, e = e.next) {
                if (e.hash == h && e.get() == key) {
                    unlink(i, prev, e);
                    e.clear();
                    return e.value;
                }
            }
            return null;
        }

        private void unlink(int i, Entry<V> prev, Entry<V> e) {
            if (prev == null) {
                table[i] = e.next;
            } else {
                prev.next = e.next;
            }
            size--;
        }

        private static int index(int h, int length) {
            return (h * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(length));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void expunge() {
            for (Object r; (r = queue.poll()) != null; ) {
                Entry<V> dead = (Entry<V>) r;
                int i = index(dead.hash, table.length);
                Entry<V> prev = null;
                for (Entry<V> e = table[i]; e != null; prev = e, e = e.next) {
                    if (e == dead) {
                        unlink(i, prev, e);
                        break;
                    }
                }
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void resize() {
            Entry<V>[] old = table;
            Entry<V>[] t = new Entry[old.length * 2];
            for (Entry<V> head : old) {
                for (Entry<V> e = head; e != null; ) {
                    Entry<V> next = e.next;
                    int i = index(e.hash, t.length);
                    e.next = t[i];
                    t[i] = e;
                    e = next;
                }
            }
            table = t;
        }
    }
}
