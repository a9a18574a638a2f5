package io.go4j.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The books of all live goroutines, of every scheduler: Go's {@code allgs}. They let a goroutine
 * find itself (to say why it blocks, or which program it belongs to) and a dump list them.
 */
public final class Goroutines {

    private static final ConcurrentHashMap<Thread, Goroutine> LIVE = new ConcurrentHashMap<>();

    private Goroutines() {
    }

    /** @return the goroutine the current thread runs, or null if it is not a goroutine */
    static Goroutine current() {
        Thread t = Thread.currentThread();
        return t.isVirtual() ? LIVE.get(t) : null;
    }

    /** @return the group of the goroutine the current thread runs, or null if it is not one */
    public static GoroutineGroup currentGroup() {
        Goroutine g = current();
        return g == null ? null : g.group;
    }

    static void started(Goroutine g) {
        LIVE.put(g.thread, g);
    }

    static void ended(Goroutine g) {
        LIVE.remove(g.thread);
        g.group.ended();
        if (g.program != null) {
            g.program.exited();
        }
    }

    /** @return the live goroutines that {@code filter} accepts, oldest id first */
    static List<Goroutine> select(Predicate<Goroutine> filter) {
        List<Goroutine> found = new ArrayList<>();
        for (Goroutine g : LIVE.values()) {
            if (filter.test(g)) {
                found.add(g);
            }
        }
        found.sort((a, b) -> Long.compare(a.id(), b.id()));
        return found;
    }

    /**
     * Records that the current goroutine is about to park in a go4j operation, for dumps and for
     * deadlock detection. Call it only on the way to parking, not on fast paths.
     *
     * @return the token to pass to {@link #unblocked}: the goroutine, or null if the current
     *     thread is not one
     */
    public static Goroutine blocking(WaitReason reason) {
        Goroutine g = current();
        if (g != null) {
            g.block(reason);
        }
        return g;
    }

    /** Records that the wait announced by {@link #blocking} is over. */
    public static void unblocked(Goroutine g) {
        if (g != null) {
            g.unblock();
        }
    }
}
