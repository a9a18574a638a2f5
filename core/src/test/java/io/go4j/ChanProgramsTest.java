package io.go4j;

import static io.go4j.Goroutines.awaitBlocked;
import static io.go4j.Goroutines.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The channel programs of Go's {@code test/chan/} directory, ported: each test names the Go file.
 * Programs whose goroutines run forever in Go (the sieves) are stopped by interrupting them once
 * the result is checked.
 */
@Timeout(60)
class ChanProgramsTest {

    private static final int[] PRIMES = {
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89,
                97
    };

    // ---- sieve1.go: the concurrent prime sieve ----

    private static void generate(SendChan<Integer> ch) {
        for (int i = 2; ; i++) {
            ch.send(i);
        }
    }

    private static void filter(RecvChan<Integer> in, SendChan<Integer> out, int prime) {
        for (int i : in) {
            if (i % prime != 0) {
                out.send(i);
            }
        }
    }

    private static void sieve(Goroutines g, SendChan<Integer> primes) {
        Chan<Integer> ch = Chan.make();
        Chan<Integer> gen = ch;
        g.go(() -> generate(gen));
        while (true) {
            // ch is a different channel on each iteration.
            int prime = ch.receive();
            primes.send(prime);
            Chan<Integer> in = ch;
            Chan<Integer> ch1 = Chan.make();
            g.go(() -> filter(in, ch1, prime));
            ch = ch1;
        }
    }

    @Test
    @Timeout(60)
    void sieve1() throws Exception {
        try (Goroutines g = new Goroutines()) {
            Chan<Integer> primes = Chan.make();
            g.go(() -> sieve(g, primes));
            for (int p : PRIMES) {
                assertEquals(p, primes.receive());
            }
            g.stopAll();
        }
    }

    // ---- sieve2.go: the sieve with a heap of multiples and a buffering proxy ----

    private static Chan<Integer> odds(Goroutines g) {
        Chan<Integer> out = Chan.make(50);
        g.go(() -> {
            for (int n = 5; ; n += 2) {
                out.send(n);
            }
        });
        return out;
    }

    private static Chan<Integer> multiples(Goroutines g, int p) {
        Chan<Integer> out = Chan.make(10);
        g.go(() -> {
            for (int n = p * p; ; n += 2 * p) {
                out.send(n);
            }
        });
        return out;
    }

    /** A channel and the value last received from it. */
    private static final class PeekCh {
        int head;
        final Chan<Integer> ch;

        PeekCh(int head, Chan<Integer> ch) {
            this.head = head;
            this.ch = ch;
        }
    }

    /**
     * Returns a channel whose values are forwarded to {@code out} through an unbounded queue (Go's
     * version uses a growing ring), so that sending to it never blocks for long. While the queue
     * is empty the output case uses a null channel, which disables it.
     */
    private static SendChan<Integer> sendProxy(Goroutines g, SendChan<Integer> out) {
        Chan<Integer> proxy = Chan.make(10);
        g.go(() -> {
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            while (true) {
                SendChan<Integer> c = queue.isEmpty() ? null : out;
                Integer e = queue.isEmpty() ? 0 : queue.peekFirst();
                Select.select(
                        Select.recv(proxy, (Integer v) -> queue.addLast(v)),
                        Select.send(c, e, queue::removeFirst));
            }
        });
        return proxy;
    }

    private static Chan<Integer> sieve2(Goroutines g) {
        // The output values.
        Chan<Integer> out = Chan.make(10);
        out.send(2);
        out.send(3);
        // The channel of all composites to be eliminated, in increasing order.
        Chan<Integer> composites = Chan.make(50);
        // The feedback loop.
        Chan<Integer> primes = Chan.make(10);
        primes.send(3);

        // Merges the channels of multiples of the primes into composites.
        g.go(() -> {
            PriorityQueue<PeekCh> h =
                    new PriorityQueue<>(Comparator.comparingInt((PeekCh p) -> p.head));
            int min = 15;
            while (true) {
                Chan<Integer> m = multiples(g, primes.receive());
                int head = m.receive();
                while (min < head) {
                    composites.send(min);
                    PeekCh minchan = h.remove();
                    min = minchan.head;
                    minchan.head = minchan.ch.receive();
                    h.add(minchan);
                }
                while (min == head) {
                    PeekCh minchan = h.remove();
                    min = minchan.head;
                    minchan.head = minchan.ch.receive();
                    h.add(minchan);
                }
                composites.send(head);
                h.add(new PeekCh(m.receive(), m));
            }
        });

        // Sieves the composites out of the candidates. The merger receives primes much more
        // slowly than this sends them, so they go through a proxy that buffers without bound.
        g.go(() -> {
            SendChan<Integer> primesIn = sendProxy(g, primes);
            Chan<Integer> candidates = odds(g);
            int p = candidates.receive();
            while (true) {
                int c = composites.receive();
                while (p < c) {
                    primesIn.send(p);
                    out.send(p);
                    p = candidates.receive();
                }
                if (p == c) {
                    p = candidates.receive();
                }
            }
        });
        return out;
    }

    @Test
    @Timeout(60)
    void sieve2() throws Exception {
        try (Goroutines g = new Goroutines()) {
            Chan<Integer> primes = sieve2(g);
            for (int p : PRIMES) {
                assertEquals(p, primes.receive());
            }
            g.stopAll();
        }
    }

    // ---- select.go: send values are evaluated once per select, nil channels never chosen ----

    private int counter;
    private int shift;

    private int getValue() {
        counter++;
        return 1 << shift;
    }

    @SuppressWarnings("unchecked")
    private int sendUntilDefault(Chan<Integer> a, Chan<Integer> b) {
        Chan<Integer>[] ab = new Chan[] {a, b};
        int i = 0;
        while (true) {
            int chosen = Select.select(
                    Select.send(ab[0], getValue()),
                    Select.send(ab[1], getValue()),
                    Select.defaultCase());
            if (chosen == 2) {
                return i;
            }
            i++;
            ab[chosen] = null;
            shift++;
        }
    }

    @Test
    @Timeout(60)
    void select() {
        Chan<Integer> a = Chan.make(1);
        Chan<Integer> b = Chan.make(1);
        assertEquals(2, sendUntilDefault(a, b), "sends before default");
        int av = a.receive();
        int bv = b.receive();
        assertEquals(3, av | bv, "values " + av + ", " + bv);
        assertEquals(1, sendUntilDefault(a, null), "sends before default");
        assertEquals(10, counter, "send values evaluated");
    }

    // ---- select3.go: which operations block, which panic ----

    private static final boolean ALWAYS = true;
    private static final boolean NEVER = false;

    /**
     * Runs {@code f} in a goroutine and checks that it blocks ({@link #ALWAYS}) or returns
     * ({@link #NEVER}). Go waits 10 ms and takes "not done yet" for "blocked"; here the goroutine
     * must be parked, and then must still be blocked when interrupted: it must throw
     * {@link GoInterruptedException}.
     */
    private static void testBlock(boolean blocks, Runnable f) throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = Go.go(() -> {
            try {
                f.run();
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        if (blocks) {
            awaitBlocked(t);
            t.interrupt();
            t.join();
            assertTrue(outcome.get() instanceof GoInterruptedException,
                    "blocked function should have been interrupted, got " + outcome.get());
        } else {
            t.join();
            assertNull(outcome.get(), "function should have returned");
        }
    }

    private static void unreachable() {
        throw new AssertionError("control flow shouldn't reach here");
    }

    @Test
    @Timeout(60)
    void select3() throws Exception {
        Chan<Integer> nilch = null;
        Chan<Integer> closedch = Chan.make();
        closedch.close();

        // (Go's plain send and receive on a nil channel have no counterpart: a null reference has
        // no methods. Null channels in selects are tested below.)

        // Sending to or receiving from a nil channel inside a select is never selected.
        assertEquals(1, Select.select(Select.send(nilch, 7, ChanProgramsTest::unreachable),
                Select.defaultCase()));
        assertEquals(1, Select.select(Select.recv(nilch, v -> unreachable()),
                Select.defaultCase()));

        // Sending to an asynchronous channel with free buffer space never blocks.
        testBlock(NEVER, () -> Chan.make(1).send(7));

        // Receiving from a closed channel never blocks.
        testBlock(NEVER, () -> {
            for (int i = 0; i < 10; i++) {
                if (closedch.receive() != null) {
                    throw new AssertionError(
                            "expected zero value when reading from closed channel");
                }
                if (closedch.receiveOk().ok()) {
                    throw new AssertionError("expected 0, false from closed channel");
                }
            }
        });

        // Sending to a closed channel panics.
        assertThrows(ChanClosedException.class, () -> closedch.send(7));

        // Receiving from a channel that is not ready always blocks.
        testBlock(ALWAYS, () -> Chan.make().receive());

        // Empty selects always block.
        testBlock(ALWAYS, () -> Select.select());

        // Selects with only nil channels always block.
        testBlock(ALWAYS, () -> Select.select(Select.recv(nilch, v -> unreachable())));
        testBlock(ALWAYS, ()
                -> Select.select(Select.send(nilch, 7, ChanProgramsTest::unreachable)));
        testBlock(ALWAYS, () -> Select.select(
                Select.recv(nilch, v -> unreachable()),
                Select.send(nilch, 7, ChanProgramsTest::unreachable)));

        // Selects with non-ready non-nil channels always block.
        testBlock(ALWAYS, () -> Select.select(Select.recv(Chan.make(), v -> unreachable())));

        // Selects with default cases don't block.
        testBlock(NEVER, () -> Select.select(Select.defaultCase()));
        testBlock(NEVER, () ->
                Select.select(Select.recv(nilch, v -> unreachable()), Select.defaultCase()));
        testBlock(NEVER, () -> Select.select(
                Select.send(nilch, 7, ChanProgramsTest::unreachable), Select.defaultCase()));

        // Selects with ready channels don't block.
        testBlock(NEVER, () -> {
            Chan<Integer> ch = Chan.make(1);
            Select.select(Select.send(ch, 7), Select.defaultCase(ChanProgramsTest::unreachable));
        });
        testBlock(NEVER, () -> {
            Chan<Integer> ch = Chan.make(1);
            ch.send(7);
            Select.select(Select.recv(ch), Select.defaultCase(ChanProgramsTest::unreachable));
        });

        // Selects with closed channels behave like ordinary operations.
        testBlock(NEVER, () -> Select.select(Select.recv(closedch)));
        testBlock(NEVER, () -> Select.select(Select.recv(closedch, (Integer x) -> { })));
        testBlock(NEVER, () ->
                Select.select(Select.recvOk(closedch, (Integer x, boolean ok) -> { })));
        assertThrows(ChanClosedException.class, () -> Select.select(Select.send(closedch, 7)));

        // A select should not get confused if it sees itself.
        testBlock(ALWAYS, () -> {
            Chan<Integer> c = Chan.make();
            Select.select(Select.send(c, 1), Select.recv(c));
        });
    }

    // ---- doubleselect.go: a select sending on four channels, their values merged again ----

    @Test
    @Timeout(60)
    void doubleSelect() throws Exception {
        final int iterations = 100_000;
        Chan<Integer> c1 = Chan.make();
        Chan<Integer> c2 = Chan.make();
        Chan<Integer> c3 = Chan.make();
        Chan<Integer> c4 = Chan.make();
        Chan<Boolean> done = Chan.make();
        Chan<Integer> cmux = Chan.make();
        Set<Integer> seen = new HashSet<>();
        try (Goroutines g = new Goroutines()) {
            g.go(() -> {
                try {
                    for (int i = 0; i < iterations; i++) {
                        Select.select(Select.send(c1, i), Select.send(c2, i), Select.send(c3, i),
                                Select.send(c4, i));
                    }
                } finally {
                    c4.close();
                    c3.close();
                    c2.close();
                    c1.close();
                }
            });
            for (Chan<Integer> in : java.util.List.of(c1, c2, c3, c4)) {
                g.go(() -> {
                    for (int v : in) {
                        cmux.send(v);
                    }
                    done.send(true);
                });
            }
            g.go(() -> {
                for (int i = 0; i < 4; i++) {
                    done.receive();
                }
                cmux.close();
            });
            for (int v : cmux) {
                assertTrue(seen.add(v), "got duplicate value: " + v);
            }
        }
        assertEquals(iterations, seen.size(), "distinct values received");
    }

    // ---- fifo.go ----

    @Test
    @Timeout(60)
    void asynchFifo() {
        final int n = 10;
        Chan<Integer> ch = Chan.make(n);
        for (int i = 0; i < n; i++) {
            ch.send(i);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(i, ch.receive(), "bad receive");
        }
    }

    /**
     * A chain of goroutines, each receiving from the shared channel only once its predecessor
     * has: they get the values in order.
     */
    @Test
    @Timeout(60)
    void synchFifo() throws Exception {
        final int n = 10;
        try (Goroutines g = new Goroutines()) {
            Chan<Integer> ch = Chan.make();
            Chan<Integer> in = Chan.make();
            Chan<Integer> start = in;
            for (int i = 0; i < n; i++) {
                Chan<Integer> out = Chan.make();
                Chan<Integer> myIn = in;
                int val = i;
                g.go(() -> {
                    myIn.receive();
                    int got = ch.receive();
                    if (got != val) {
                        throw new AssertionError("chain link " + val + " got " + got);
                    }
                    out.send(1);
                });
                in = out;
            }
            start.send(0);
            for (int i = 0; i < n; i++) {
                ch.send(i);
            }
            assertEquals(1, in.receive());
        }
    }

    // ---- goroutines.go: a chain of 10,000 goroutines passing one value along ----

    @Test
    @Timeout(60)
    void goroutines() throws Exception {
        final int n = 10_000;
        try (Goroutines g = new Goroutines()) {
            Chan<Integer> leftmost = Chan.make();
            Chan<Integer> right = leftmost;
            Chan<Integer> left = leftmost;
            for (int i = 0; i < n; i++) {
                right = Chan.make();
                Chan<Integer> l = left;
                Chan<Integer> r = right;
                g.go(() -> l.send(r.receive()));
                left = right;
            }
            Chan<Integer> last = right;
            g.go(() -> last.send(1));
            assertEquals(1, leftmost.receive());
        }
    }

    // ---- nonblock.go: non-blocking sends and receives meet blocking ones ----

    private static <T> void nonblock(int buffer, T toReceiver, T fromSender) throws Exception {
        try (Goroutines g = new Goroutines()) {
            Chan<T> c = Chan.make(buffer);
            Chan<Boolean> sync = Chan.make();
            String what = toReceiver.getClass().getSimpleName() + " buffer=" + buffer;

            // Nothing to receive yet: the default is taken, with select or tryReceive.
            assertEquals(1, Select.select(Select.recv(c, v -> fail("blocked sender")),
                    Select.defaultCase()), what);
            assertNull(c.tryReceive(), what);

            // A receiver: a non-blocking send succeeds once it waits (at once if buffered).
            g.go(() -> {
                if (!toReceiver.equals(c.receive())) {
                    throw new AssertionError("receiver got the wrong value: " + what);
                }
                sync.send(true);
            });
            spinUntil(() -> Select.select(Select.send(c, toReceiver), Select.defaultCase()) == 0,
                    "receiver " + what);
            sync.receive();

            // A sender: a non-blocking receive succeeds once it waits (at once if buffered).
            g.go(() -> {
                c.send(fromSender);
                sync.send(true);
            });
            if (buffer > 0) {
                sync.receive();
            }
            AtomicReference<Received<T>> got = new AtomicReference<>();
            spinUntil(() -> {
                got.set(c.tryReceive());
                return got.get() != null;
            }, "sender " + what);
            assertEquals(new Received<>(fromSender, true), got.get(), what);
            if (buffer == 0) {
                sync.receive();
            }
        }
    }

    @Test
    @Timeout(60)
    void nonblock() throws Exception {
        for (int buffer = 0; buffer < 2; buffer++) {
            nonblock(buffer, 123, 234);
            nonblock(buffer, 123456L, 234567L);
            nonblock(buffer, true, true);
            nonblock(buffer, "hello", "hello again");
        }
    }

    // ---- zerosize.go: channels of values without content ----

    @Test
    @Timeout(60)
    void zeroSize() {
        Chan<Void> unbuffered = Chan.make();
        Chan<Void> buffered = Chan.make(1);
        assertEquals(0, unbuffered.cap());
        assertFalse(unbuffered.trySend(null), "no receiver waits");
        buffered.send(null);
        assertEquals(1, buffered.len());
        assertEquals(new Received<Void>(null, true), buffered.receiveOk());
        assertEquals(0, buffered.len());
    }
}
