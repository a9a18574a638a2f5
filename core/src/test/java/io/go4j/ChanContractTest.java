package io.go4j;

import static io.go4j.Goroutines.assertBlocksUntilInterrupted;
import static io.go4j.Goroutines.awaitBlocked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * go4j's own contract for {@link Chan}, from DESIGN.md, beyond what Go's tests check: Go's panic
 * messages word for word, null values, huge capacities, the non-blocking operations, iteration,
 * interruption, close waking everybody, and FIFO order of blocked parties.
 */
@Timeout(60)
class ChanContractTest {

    // ---- Go's panic messages ----

    @Test
    @Timeout(60)
    void panicMessagesAreGosWordForWord() {
        Chan<Integer> c = Chan.make(1);
        c.close();
        for (var op : List.<Runnable>of(
                () -> c.send(1),
                () -> c.trySend(1),
                () -> Select.select(Select.send(c, 1)),
                () -> Select.select(Select.send(c, 1), Select.defaultCase()))) {
            ChanClosedException e = assertThrows(ChanClosedException.class, op::run);
            assertEquals("send on closed channel", e.getMessage());
            assertInstanceOf(IllegalStateException.class, e);
        }
        ChanClosedException e = assertThrows(ChanClosedException.class, c::close);
        assertEquals("close of closed channel", e.getMessage());
        IllegalArgumentException m =
                assertThrows(IllegalArgumentException.class, () -> Chan.make(-1));
        assertEquals("makechan: size out of range", m.getMessage());
    }

    // ---- null values ----

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 3})
    @Timeout(60)
    void nullIsALegalValueDistinguishableWithReceiveOk(int capacity) throws Exception {
        Chan<String> c = Chan.make(capacity);
        try (Goroutines g = new Goroutines()) {
            g.go(() -> {
                c.send(null);
                c.send("x");
                c.send(null);
                c.send(null);
                Select.select(Select.send(c, null));
                c.close();
            });
            assertEquals(new Received<>(null, true), c.receiveOk());
            assertEquals("x", c.receive());
            assertNull(c.receive());
            Received<String>[] got = receivedHolder();
            Select.select(Select.recvOk(c,
                    (String v, boolean ok) -> got[0] = new Received<>(v, ok)));
            assertEquals(new Received<>(null, true), got[0], "select receive of a null value");
            assertEquals(new Received<>(null, true), c.receiveOk());
            assertEquals(new Received<>(null, false), c.receiveOk(), "closed and drained");
            Select.select(Select.recvOk(c,
                    (String v, boolean ok) -> got[0] = new Received<>(v, ok)));
            assertEquals(new Received<>(null, false), got[0], "select receive on closed channel");
        }
        // The non-blocking operations carry null too.
        Chan<String> b = Chan.make(1);
        assertTrue(b.trySend(null));
        assertEquals(new Received<>(null, true), b.tryReceive());
        assertNull(b.tryReceive(), "empty again");
        // And iteration.
        Chan<String> it = Chan.make(3);
        it.send(null);
        it.send("a");
        it.send(null);
        it.close();
        List<String> values = new ArrayList<>();
        it.forEach(values::add);
        assertEquals(Arrays.asList(null, "a", null), values);
    }

    @SuppressWarnings("unchecked")
    private static <T> Received<T>[] receivedHolder() {
        return new Received[1];
    }

    // ---- capacity ----

    @Test
    @Timeout(60)
    void hugeCapacityIsNotAllocatedUpFront() {
        Chan<Integer> c = Chan.make(Integer.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE, c.cap());
        assertEquals(0, c.len());
        for (int i = 0; i < 1000; i++) {
            c.send(i);
        }
        assertEquals(1000, c.len());
        assertEquals(Integer.MAX_VALUE, c.cap());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, c.receive());
        }
        assertEquals(0, c.len());
        assertTrue(c.trySend(7));
        assertEquals(new Received<>(7, true), c.tryReceive());
    }

    // ---- non-blocking operations ----

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 2})
    @Timeout(60)
    void tryReceiveIsNullWhenOpenAndEmptyAndNotOkWhenClosed(int capacity) {
        Chan<Integer> c = Chan.make(capacity);
        assertNull(c.tryReceive(), "open and empty");
        assertNull(c.tryReceive(), "still open and empty");
        if (capacity > 0) {
            c.send(5);
            assertEquals(new Received<>(5, true), c.tryReceive());
            c.send(6);
        }
        c.close();
        if (capacity > 0) {
            assertEquals(new Received<>(6, true), c.tryReceive(), "buffered values come first");
        }
        for (int i = 0; i < 3; i++) {
            Received<Integer> r = c.tryReceive();
            assertEquals(new Received<>(null, false), r, "closed and drained");
            assertSame(Received.closed(), r);
        }
    }

    @Test
    @Timeout(60)
    void trySendSucceedsOnlyWithoutWaiting() throws Exception {
        Chan<Integer> unbuffered = Chan.make();
        assertFalse(unbuffered.trySend(1), "no receiver waits");
        Chan<Integer> buffered = Chan.make(1);
        assertTrue(buffered.trySend(1));
        assertFalse(buffered.trySend(2), "full");
        assertEquals(1, buffered.receive());
        try (Goroutines g = new Goroutines()) {
            AtomicReference<Integer> got = new AtomicReference<>();
            Thread r = g.go(() -> got.set(unbuffered.receive()));
            awaitBlocked(r);
            assertTrue(unbuffered.trySend(9), "a receiver waits");
            r.join();
            assertEquals(9, got.get());
        }
    }

    // ---- iteration ----

    @Test
    @Timeout(60)
    void iterationEndsOnCloseAfterDraining() throws Exception {
        Chan<Integer> c = Chan.make(5);
        c.send(1);
        c.send(2);
        c.send(3);
        c.close();
        List<Integer> got = new ArrayList<>();
        for (int v : c) {
            got.add(v);
        }
        assertEquals(List.of(1, 2, 3), got);
        Iterator<Integer> it = c.iterator();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);

        // With a producer that closes when done.
        Chan<Integer> u = Chan.make();
        try (Goroutines g = new Goroutines()) {
            g.go(() -> {
                for (int i = 0; i < 1000; i++) {
                    u.send(i);
                }
                u.close();
            });
            List<Integer> all = new ArrayList<>();
            for (int v : u) {
                all.add(v);
            }
            assertEquals(IntStream.range(0, 1000).boxed().toList(), all);
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    @Timeout(60)
    void interruptedSendDeliversNothing(int capacity) throws Exception {
        Chan<String> c = Chan.make(capacity);
        if (capacity > 0) {
            c.send("buffered");
        }
        assertBlocksUntilInterrupted(() -> c.send("interrupted"));
        if (capacity > 0) {
            assertEquals("buffered", c.receive());
        }
        assertNull(c.tryReceive(), "the interrupted send left nothing to receive");
        assertEquals(0, c.len());
        try (Goroutines g = new Goroutines()) {
            g.go(() -> c.send("later"));
            assertEquals("later", c.receive(), "a later receiver gets the later value");
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1})
    @Timeout(60)
    void interruptedReceiveConsumesNothing(int capacity) throws Exception {
        Chan<String> c = Chan.make(capacity);
        assertBlocksUntilInterrupted(c::receive);
        assertBlocksUntilInterrupted(c::receiveOk);
        assertBlocksUntilInterrupted(() -> c.iterator().hasNext());
        if (capacity == 0) {
            assertFalse(c.trySend("lost?"), "no receiver may still be waiting");
        }
        try (Goroutines g = new Goroutines()) {
            AtomicReference<String> got = new AtomicReference<>();
            Thread next = g.go(() -> got.set(c.receive()));
            awaitBlocked(next);
            c.send("v");
            next.join();
            assertEquals("v", got.get(), "the next receiver gets the value");
        }
        assertEquals(0, c.len());
    }

    // ---- close wakes everybody ----

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 4})
    @Timeout(60)
    void closeWakesAllBlockedReceivers(int capacity) throws Exception {
        Chan<Integer> c = Chan.make(capacity);
        List<AtomicReference<Received<Integer>>> results = new ArrayList<>();
        try (Goroutines g = new Goroutines()) {
            List<Thread> receivers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                AtomicReference<Received<Integer>> r = new AtomicReference<>();
                results.add(r);
                receivers.add(g.go(() -> r.set(c.receiveOk())));
            }
            AtomicReference<Received<Integer>> viaSelect = new AtomicReference<>();
            results.add(viaSelect);
            receivers.add(g.go(() -> Select.select(
                    Select.recv(Chan.make(), v -> fail("never")),
                    Select.recvOk(c, (Integer v, boolean ok)
                            -> viaSelect.set(new Received<>(v, ok))))));
            receivers.forEach(Goroutines::awaitBlocked);
            c.close();
        }
        for (var r : results) {
            assertEquals(new Received<>(null, false), r.get());
        }
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 2})
    @Timeout(60)
    void closeWakesAllBlockedSenders(int capacity) throws Exception {
        Chan<Integer> c = Chan.make(capacity);
        for (int i = 0; i < capacity; i++) {
            c.send(-i);
        }
        List<AtomicReference<Throwable>> results = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AtomicReference<Throwable> r = new AtomicReference<>();
            results.add(r);
            final int v = i;
            Runnable send = i % 2 == 0
                    ? () -> c.send(v)
                    // A blocked select with a send case on the channel that gets closed.
                    : () -> Select.select(Select.send(c, v), Select.recv(Chan.make()));
            senders.add(Go.go(() -> {
                try {
                    send.run();
                } catch (Throwable e) {
                    r.set(e);
                }
            }));
        }
        senders.forEach(Goroutines::awaitBlocked);
        c.close();
        for (Thread t : senders) {
            t.join();
        }
        for (var r : results) {
            assertInstanceOf(ChanClosedException.class, r.get());
            assertEquals("send on closed channel", r.get().getMessage());
        }
        // The values buffered before the close are still received, and nothing else.
        for (int i = 0; i < capacity; i++) {
            assertEquals(new Received<>(-i, true), c.receiveOk());
        }
        assertEquals(new Received<>(null, false), c.receiveOk());
    }

    // ---- FIFO order of blocked parties ----

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 3})
    @Timeout(60)
    void blockedSendersAreServedInFifoOrder(int capacity) throws Exception {
        Chan<Integer> c = Chan.make(capacity);
        for (int i = 0; i < capacity; i++) {
            c.send(-1 - i);
        }
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 20; i++) {
                final int v = i;
                // Each sender blocks before the next one starts, so the queue order is 0, 1, ...
                awaitBlocked(g.go(() -> c.send(v)));
            }
            for (int i = 0; i < capacity; i++) {
                assertEquals(-1 - i, c.receive());
            }
            for (int i = 0; i < 20; i++) {
                assertEquals(i, c.receive());
            }
        }
        assertEquals(0, c.len());
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 3})
    @Timeout(60)
    void blockedReceiversAreServedInFifoOrder(int capacity) throws Exception {
        Chan<Integer> c = Chan.make(capacity);
        int[] got = new int[20];
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 20; i++) {
                final int k = i;
                awaitBlocked(g.go(() -> got[k] = c.receive()));
            }
            for (int i = 0; i < 20; i++) {
                c.send(i);
            }
        }
        assertEquals(IntStream.range(0, 20).boxed().toList(), Arrays.stream(got).boxed().toList());
    }
}
