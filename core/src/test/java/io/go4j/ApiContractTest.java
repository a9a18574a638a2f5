package io.go4j;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * go4j's own contract, from DESIGN.md, beyond what Go's tests check: Go's panic messages word
 * for word, null values, huge capacities, the non-blocking operations, iteration, null channels
 * and repeated channels in selects, interruption, close waking everybody, FIFO order of blocked
 * parties, and a select firing exactly one case.
 */
@Timeout(60)
class ApiContractTest {

    // ---- goroutines ----

    @Test
    @Timeout(60)
    void goStartsAVirtualThreadThatSeesPriorWrites() throws Exception {
        int[] before = {42};
        int[] seen = {0};
        Thread t = Go.go(() -> seen[0] = before[0]);
        assertTrue(t.isVirtual(), "a goroutine is a virtual thread");
        t.join();
        assertEquals(42, seen[0]);
    }

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
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> Chan.make(-1));
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
            Select.select(Select.recvOk(c, (String v, boolean ok) -> got[0] = new Received<>(v, ok)));
            assertEquals(new Received<>(null, true), got[0], "select receive of a null value");
            assertEquals(new Received<>(null, true), c.receiveOk());
            assertEquals(new Received<>(null, false), c.receiveOk(), "closed and drained");
            Select.select(Select.recvOk(c, (String v, boolean ok) -> got[0] = new Received<>(v, ok)));
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

    // ---- select: null channels, repeated channels, default ----

    @Test
    @Timeout(60)
    void selectNeverPicksANullChannelCase() throws Exception {
        Chan<Integer> c = Chan.make(1);
        Chan<Integer> nil = null;
        for (int i = 0; i < 200; i++) {
            c.send(i);
            int chosen = Select.select(
                    Select.recv(nil, v -> fail("null channel received")),
                    Select.recv(c),
                    Select.send(nil, 1, () -> fail("null channel sent")));
            assertEquals(1, chosen);
        }
        // Also when the select has to wait.
        try (Goroutines g = new Goroutines()) {
            Chan<Integer> u = Chan.make();
            AtomicInteger chosen = new AtomicInteger(-1);
            Thread s = g.go(() -> chosen.set(Select.select(
                    Select.send(nil, 1, () -> fail("null channel sent")),
                    Select.recv(nil, v -> fail("null channel received")),
                    Select.recv(u, v -> assertEquals(5, v)))));
            awaitBlocked(s);
            u.send(5);
            s.join();
            assertEquals(2, chosen.get());
        }
    }

    @Test
    @Timeout(60)
    void selectWithOnlyNullChannelsAndDefaultPicksDefault() {
        Chan<Integer> nil = null;
        AtomicBoolean ran = new AtomicBoolean();
        int chosen = Select.select(
                Select.recv(nil),
                Select.send(nil, 1),
                Select.defaultCase(() -> ran.set(true)),
                Select.recvOk(nil, (Integer v, boolean ok) -> fail("null channel received")));
        assertEquals(2, chosen);
        assertTrue(ran.get(), "default body ran");
        assertEquals(0, Select.select(Select.defaultCase()));
        assertEquals(0, Select.select(List.of(Select.defaultCase())));
    }

    @Test
    @Timeout(60)
    void selectWithTwoDefaultsIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Select.select(Select.defaultCase(), Select.defaultCase()));
    }

    @Test
    @Timeout(60)
    void selectRunsTheChosenBodyAndReturnsItsIndex() {
        Chan<String> in = Chan.make(1);
        Chan<String> out = Chan.make(1);
        in.send("v");
        List<String> log = new ArrayList<>();
        int chosen = Select.select(List.of(
                Select.recv(in, (String v) -> log.add("received " + v)),
                Select.send(Chan.<String>make(), "never"),
                Select.defaultCase(() -> log.add("default"))));
        assertEquals(0, chosen);
        chosen = Select.select(
                Select.recv(in, (String v) -> log.add("received " + v)),
                Select.send(out, "w", () -> log.add("sent")),
                Select.defaultCase(() -> log.add("default")));
        assertEquals(1, chosen);
        chosen = Select.select(
                Select.recv(in, (String v) -> log.add("received " + v)),
                Select.send(out, "w", () -> log.add("sent")),
                Select.defaultCase(() -> log.add("default")));
        assertEquals(2, chosen);
        assertEquals(List.of("received v", "sent", "default"), log);
        assertEquals("w", out.receive());
    }

    @Test
    @Timeout(60)
    void sameChannelInSeveralCases() throws Exception {
        // Both receive cases are ready; exactly one body runs each time, and both get chosen.
        Chan<Integer> c = Chan.make(1);
        int[] chosenCount = new int[2];
        for (int i = 0; i < 200; i++) {
            c.send(i);
            int[] ran = {-1, 0};
            int chosen = Select.select(
                    Select.recv(c, v -> {
                        ran[0] = 0;
                        ran[1]++;
                    }),
                    Select.recv(c, v -> {
                        ran[0] = 1;
                        ran[1]++;
                    }));
            assertEquals(chosen, ran[0], "the body of the chosen case ran");
            assertEquals(1, ran[1], "exactly one body ran");
            chosenCount[chosen]++;
            assertEquals(0, c.len());
        }
        assertTrue(chosenCount[0] > 0 && chosenCount[1] > 0,
                "both cases on the same channel get chosen: " + Arrays.toString(chosenCount));

        // Send and receive on one buffered channel: only the one that can proceed does.
        Chan<Integer> b = Chan.make(1);
        assertEquals(0, Select.select(Select.send(b, 1), Select.recv(b)), "empty: only the send is ready");
        int[] got = {0};
        assertEquals(1, Select.select(Select.send(b, 2), Select.recv(b, (Integer v) -> got[0] = v)),
                "full: only the receive is ready");
        assertEquals(1, got[0]);

        // A blocked select on one channel twice takes one value, and leaves no waiter behind.
        try (Goroutines g = new Goroutines()) {
            Chan<Integer> u = Chan.make();
            AtomicInteger fired = new AtomicInteger();
            Thread s = g.go(() -> Select.select(
                    Select.recv(u, v -> fired.incrementAndGet()),
                    Select.recv(u, v -> fired.incrementAndGet())));
            awaitBlocked(s);
            u.send(1);
            s.join();
            assertEquals(1, fired.get());
            assertFalse(u.trySend(2), "the select's other waiter must not take a value");
        }
    }

    /**
     * A select that had to wait on several cases of one channel is served by whichever of them the
     * counterpart finds first; that must be random too, not always the first case (TestPseudoRandomSend
     * checks the same, but only sometimes reaches the blocked path).
     */
    @Test
    @Timeout(60)
    void blockedSelectPicksRandomlyAmongCasesOnOneChannel() throws Exception {
        Chan<Integer> c = Chan.make();
        int[] sentCount = new int[2];
        int[] receivedCount = new int[2];
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 200; i++) {
                Thread s = g.go(() -> Select.select(Select.send(c, 0), Select.send(c, 1)));
                awaitBlocked(s);
                sentCount[c.receive()]++;
                s.join();

                AtomicInteger chosen = new AtomicInteger(-1);
                Thread r = g.go(() -> chosen.set(Select.select(Select.recv(c), Select.recv(c))));
                awaitBlocked(r);
                c.send(i);
                r.join();
                receivedCount[chosen.get()]++;
            }
        }
        assertTrue(sentCount[0] > 0 && sentCount[1] > 0, "send cases chosen: " + Arrays.toString(sentCount));
        assertTrue(receivedCount[0] > 0 && receivedCount[1] > 0,
                "receive cases chosen: " + Arrays.toString(receivedCount));
    }

    // ---- blocking forever, and interruption ----

    private static void assertBlocksUntilInterrupted(Runnable op) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread t = Go.go(() -> {
            try {
                op.run();
            } catch (Throwable e) {
                thrown.set(e);
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            }
        });
        awaitBlocked(t);
        t.interrupt();
        t.join();
        assertInstanceOf(GoInterruptedException.class, thrown.get());
        assertTrue(interruptedAfter.get(), "interrupt status still set after GoInterruptedException");
    }

    @Test
    @Timeout(60)
    void emptySelectBlocksUntilInterrupted() throws Exception {
        assertBlocksUntilInterrupted(() -> Select.select());
        assertBlocksUntilInterrupted(() -> Select.select(List.of()));
        Chan<Integer> nil = null;
        assertBlocksUntilInterrupted(() -> Select.select(Select.recv(nil), Select.send(nil, 1)));
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

    @Test
    @Timeout(60)
    void interruptedSelectChoseNoCase() throws Exception {
        Chan<String> in = Chan.make();
        Chan<String> out = Chan.make();
        Chan<String> in2 = Chan.make(1);
        AtomicBoolean bodyRan = new AtomicBoolean();
        assertBlocksUntilInterrupted(() -> Select.select(
                Select.recv(in, v -> bodyRan.set(true)),
                Select.send(out, "x", () -> bodyRan.set(true)),
                Select.recv(in2, v -> bodyRan.set(true)),
                Select.recv(in, v -> bodyRan.set(true))));
        assertFalse(bodyRan.get(), "no case body ran");
        assertFalse(in.trySend("v"), "no receive case is still waiting");
        assertTrue(in2.trySend("v"), "no receive case is still waiting");
        assertEquals(1, in2.len());
        assertNull(out.tryReceive(), "no send case is still waiting");
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
                    Select.recvOk(c, (Integer v, boolean ok) -> viaSelect.set(new Received<>(v, ok))))));
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

    // ---- a select fires exactly one case, also against racing counterparts ----

    private static final int RACES = 2000;

    /** Starts {@code racers} behind a gate, opens it, and waits for them. */
    private static void race(Goroutines g, Runnable... racers) throws Exception {
        Chan<Void> gate = Chan.make();
        List<Thread> ts = new ArrayList<>();
        for (Runnable r : racers) {
            ts.add(g.go(() -> {
                gate.receive();
                r.run();
            }));
        }
        gate.close();
        for (Thread t : ts) {
            t.join();
        }
    }

    @Test
    @Timeout(60)
    void blockedReceivingSelectFiresExactlyOneOfRacingSends() throws Exception {
        try (Goroutines g = new Goroutines()) {
            for (int round = 0; round < RACES; round++) {
                @SuppressWarnings("unchecked")
                Chan<Integer>[] cs = new Chan[] {Chan.make(), Chan.make(), Chan.make(), Chan.make()};
                AtomicInteger chosen = new AtomicInteger(-1);
                AtomicInteger value = new AtomicInteger(-1);
                AtomicInteger bodies = new AtomicInteger();
                Select.Case[] cases = new Select.Case[4];
                for (int k = 0; k < 4; k++) {
                    cases[k] = Select.recv(cs[k], (Integer v) -> {
                        value.set(v);
                        bodies.incrementAndGet();
                    });
                }
                Thread s = g.go(() -> chosen.set(Select.select(cases)));
                awaitBlocked(s);
                boolean[] sent = new boolean[4];
                race(g, () -> sent[0] = cs[0].trySend(0), () -> sent[1] = cs[1].trySend(1),
                        () -> sent[2] = cs[2].trySend(2), () -> sent[3] = cs[3].trySend(3));
                s.join();
                g.check();
                int k = chosen.get();
                assertEquals(1, bodies.get(), "exactly one body ran");
                assertEquals(k, value.get(), "the chosen case got its channel's value");
                for (int j = 0; j < 4; j++) {
                    assertEquals(j == k, sent[j], "round " + round + ": trySend on case " + j + ", chosen " + k);
                }
            }
        }
    }

    @Test
    @Timeout(60)
    void blockedSendingSelectFiresExactlyOneOfRacingReceives() throws Exception {
        try (Goroutines g = new Goroutines()) {
            for (int round = 0; round < RACES; round++) {
                @SuppressWarnings("unchecked")
                Chan<Integer>[] cs = new Chan[] {Chan.make(), Chan.make(), Chan.make(), Chan.make()};
                AtomicInteger chosen = new AtomicInteger(-1);
                Thread s = g.go(() -> chosen.set(Select.select(
                        Select.send(cs[0], 0), Select.send(cs[1], 1), Select.send(cs[2], 2), Select.send(cs[3], 3))));
                awaitBlocked(s);
                @SuppressWarnings("unchecked")
                Received<Integer>[] got = new Received[4];
                race(g, () -> got[0] = cs[0].tryReceive(), () -> got[1] = cs[1].tryReceive(),
                        () -> got[2] = cs[2].tryReceive(), () -> got[3] = cs[3].tryReceive());
                s.join();
                g.check();
                int k = chosen.get();
                for (int j = 0; j < 4; j++) {
                    assertEquals(j == k ? new Received<>(j, true) : null, got[j],
                            "round " + round + ": tryReceive on case " + j + ", chosen " + k);
                }
            }
        }
    }

    @Test
    @Timeout(60)
    void blockedSelectFiresExactlyOneOfRacingCloseAndSend() throws Exception {
        try (Goroutines g = new Goroutines()) {
            for (int round = 0; round < RACES; round++) {
                Chan<Integer> closing = Chan.make();
                Chan<Integer> sending = Chan.make();
                AtomicReference<Object> outcome = new AtomicReference<>();
                Thread s = g.go(() -> outcome.set(Select.select(
                        Select.recvOk(closing, (Integer v, boolean ok) -> assertFalse(ok)),
                        Select.recv(sending, (Integer v) -> assertEquals(7, v)))));
                awaitBlocked(s);
                boolean[] sent = {false};
                race(g, closing::close, () -> sent[0] = sending.trySend(7));
                s.join();
                g.check();
                assertEquals(sent[0] ? 1 : 0, outcome.get(), "round " + round);
            }
        }
    }

    @Test
    @Timeout(60)
    void blockedSelectWithSendOnChannelClosedWhileRacingASend() throws Exception {
        for (int round = 0; round < RACES; round++) {
            Chan<Integer> closing = Chan.make();
            Chan<Integer> sending = Chan.make();
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread s = Go.go(() -> {
                try {
                    outcome.set(Select.select(Select.send(closing, 1), Select.recv(sending)));
                } catch (Throwable e) {
                    outcome.set(e);
                }
            });
            awaitBlocked(s);
            boolean[] sent = {false};
            try (Goroutines g = new Goroutines()) {
                race(g, closing::close, () -> sent[0] = sending.trySend(7));
            }
            s.join();
            if (sent[0]) {
                assertEquals(1, outcome.get(), "round " + round + ": the receive case fired");
            } else {
                assertInstanceOf(ChanClosedException.class, outcome.get(), "round " + round);
                assertEquals("send on closed channel", ((Throwable) outcome.get()).getMessage());
            }
        }
    }

    /** An interrupt racing a counterpart: the operation either completes or has no effect. */
    @Test
    @Timeout(60)
    void interruptRacingACounterpartHasAllOrNothingEffect() throws Exception {
        try (Goroutines g = new Goroutines()) {
            for (int round = 0; round < RACES; round++) {
                // A blocked receive, interrupted while a value is offered.
                Chan<Integer> c = Chan.make();
                AtomicReference<Object> outcome = new AtomicReference<>();
                Thread r = Go.go(() -> {
                    try {
                        outcome.set(c.receive());
                    } catch (GoInterruptedException e) {
                        outcome.set(e);
                    }
                });
                awaitBlocked(r);
                boolean[] sent = {false};
                final int value = round;
                race(g, r::interrupt, () -> sent[0] = c.trySend(value));
                r.join();
                if (sent[0]) {
                    assertEquals(round, outcome.get(), "the value was delivered, so received");
                } else {
                    assertInstanceOf(GoInterruptedException.class, outcome.get());
                }

                // A blocked select, interrupted while one of its cases is offered a value.
                Chan<Integer> a = Chan.make();
                Chan<Integer> b = Chan.make();
                AtomicReference<Object> chosen = new AtomicReference<>();
                Thread s = Go.go(() -> {
                    try {
                        chosen.set(Select.select(Select.recv(a), Select.send(b, 5)));
                    } catch (GoInterruptedException e) {
                        chosen.set(e);
                    }
                });
                awaitBlocked(s);
                @SuppressWarnings("unchecked")
                Received<Integer>[] got = new Received[1];
                race(g, s::interrupt, () -> got[0] = b.tryReceive());
                s.join();
                if (got[0] != null) {
                    assertEquals(new Received<>(5, true), got[0]);
                    assertEquals(1, chosen.get(), "the value was taken, so the send case fired");
                } else {
                    assertInstanceOf(GoInterruptedException.class, chosen.get());
                }
                assertFalse(a.trySend(1), "no case of the select is still waiting");
                assertNull(b.tryReceive(), "no case of the select is still waiting");
            }
        }
    }
}
