package io.go4j.sync;

import io.go4j.internal.runtime.VirtualThreads;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A cache of temporary objects to reuse instead of allocating: Go's {@code sync.Pool}.
 *
 * <pre>{@code
 * // var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}
 * static final Pool<StringBuilder> BUFFERS = new Pool<>(StringBuilder::new);
 *
 * StringBuilder b = BUFFERS.get();
 * b.setLength(0);
 * ...
 * BUFFERS.put(b);
 * }</pre>
 *
 * <p>As in Go, the pool may drop any item at any time: {@link #get()} returns some item put
 * earlier, or else a new one from the {@code New} supplier, and never promises which. Items are
 * not reset; the caller does that. Safe for use by many goroutines and threads at once.
 *
 * <h2>Design</h2>
 * Go keeps one cache per P, touched without synchronization because a goroutine is not preempted
 * inside the pool. go4j keeps one small cache per carrier thread: the pool finds the carrier the
 * calling goroutine is mounted on (a go4j worker, Go's P) and uses that carrier's slots, so
 * goroutines on one worker reuse each other's items in a cache line that worker already owns. A
 * virtual thread is not unmounted between finding its carrier and taking a slot, but platform
 * threads share caches by id, so slots are taken and filled by CAS. {@code get} on an empty cache
 * looks at the other carriers' caches before it calls {@code New}, as Go's {@code getSlow}
 * steals from other Ps. Each cache holds at most {@value #SLOTS_PER_CARRIER} items and a
 * {@code put} into a full one drops the item: that bounds what a pool keeps alive, where Go
 * instead empties its pools over two garbage collections.
 *
 * @param <T> the type of the items
 */
public final class Pool<T> {

    /** Items one carrier's cache keeps; a put beyond them drops its item. */
    private static final int SLOTS_PER_CARRIER = 4;
    /** Array elements from one cache to the next: 16 references span a 64-byte line or more. */
    private static final int STRIDE = 16;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Supplier<? extends T> newItem;
    /** The caches, {@link #STRIDE} elements each, of which the first few are slots. */
    private final Object[] slots;
    /** The number of caches minus one; the number is a power of two. */
    private final int cacheMask;

    /**
     * Creates an empty pool: Go's {@code sync.Pool{New: newItem}}.
     *
     * @param newItem makes an item when the pool has none; Go's {@code New} field. It may return
     *     {@code null}, as a nil {@code New} makes Go's {@code Get} return nil
     */
    public Pool(Supplier<? extends T> newItem) {
        this.newItem = Objects.requireNonNull(newItem, "newItem");
        int cpus = Math.max(2, Runtime.getRuntime().availableProcessors());
        int caches = Integer.highestOneBit(cpus * 2 - 1);
        this.cacheMask = caches - 1;
        this.slots = new Object[caches * STRIDE];
    }

    /**
     * Takes an item from the pool, or makes one with {@code New} if the pool has none: Go's
     * {@code Pool.Get}.
     *
     * @return an item put earlier, or a new one
     */
    @SuppressWarnings("unchecked")
    public T get() {
        int home = cacheOfCaller();
        for (int k = 0; k <= cacheMask; k++) {
            int base = ((home + k) & cacheMask) * STRIDE;
            for (int i = base; i < base + SLOTS_PER_CARRIER; i++) {
                if (SLOT.getAcquire(slots, i) != null) {
                    Object item = SLOT.getAndSet(slots, i, (Object) null);
                    if (item != null) {
                        return (T) item;
                    }
                }
            }
        }
        return newItem.get();
    }

    /**
     * Gives an item back for reuse: Go's {@code Pool.Put}. The pool may keep it or drop it; either
     * way the caller must not use it any more. A {@code null} item is ignored, as Go ignores nil.
     *
     * @param item the item
     */
    public void put(T item) {
        if (item == null) {
            return;
        }
        int base = cacheOfCaller() * STRIDE;
        for (int i = base; i < base + SLOTS_PER_CARRIER; i++) {
            if (SLOT.getAcquire(slots, i) == null
                    && SLOT.compareAndSet(slots, i, (Object) null, item)) {
                return;
            }
        }
    }

    /** The cache of the carrier the caller runs on (of the caller itself outside goroutines). */
    private int cacheOfCaller() {
        Thread carrier = VirtualThreads.currentCarrier();
        long id = (carrier != null ? carrier : Thread.currentThread()).threadId();
        return (int) id & cacheMask;
    }
}
