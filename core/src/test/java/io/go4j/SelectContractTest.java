package io.go4j;

import static io.go4j.Goroutines.assertBlocksUntilInterrupted;
import static io.go4j.Goroutines.awaitBlocked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * go4j's own contract for {@link Select}, from DESIGN.md, beyond what Go's tests check: null
 * channels, repeated channels and defaults in selects, blocking forever, interruption, and a
 * select firing exactly one case, also against racing counterparts.
 */
@Timeout(60)
class SelectContractTest {

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
        assertEquals(0, Select.select(Select.send(b, 1), Select.recv(b)),
                "empty: only the send is ready");
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
     * counterpart finds first; that must be random too, not always the first case
     * (TestPseudoRandomSend checks the same, but only sometimes reaches the blocked path).
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
        assertTrue(sentCount[0] > 0 && sentCount[1] > 0,
                "send cases chosen: " + Arrays.toString(sentCount));
        assertTrue(receivedCount[0] > 0 && receivedCount[1] > 0,
                "receive cases chosen: " + Arrays.toString(receivedCount));
    }

    @Test
    @Timeout(60)
    void emptySelectBlocksUntilInterrupted() throws Exception {
        assertBlocksUntilInterrupted(() -> Select.select());
        assertBlocksUntilInterrupted(() -> Select.select(List.of()));
        Chan<Integer> nil = null;
        assertBlocksUntilInterrupted(() -> Select.select(Select.recv(nil), Select.send(nil, 1)));
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

    // ---- a select fires exactly one case, also against racing counterparts ----

    private static final int RACES = 2000;

    @Test
    @Timeout(60)
    void blockedReceivingSelectFiresExactlyOneOfRacingSends() throws Exception {
        try (Goroutines g = new Goroutines()) {
            for (int round = 0; round < RACES; round++) {
                @SuppressWarnings("unchecked")
                Chan<Integer>[] cs =
                        new Chan[] {Chan.make(), Chan.make(), Chan.make(), Chan.make()};
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
                g.race(() -> sent[0] = cs[0].trySend(0), () -> sent[1] = cs[1].trySend(1),
                        () -> sent[2] = cs[2].trySend(2), () -> sent[3] = cs[3].trySend(3));
                s.join();
                g.check();
                int k = chosen.get();
                assertEquals(1, bodies.get(), "exactly one body ran");
                assertEquals(k, value.get(), "the chosen case got its channel's value");
                for (int j = 0; j < 4; j++) {
                    assertEquals(j == k, sent[j],
                            "round " + round + ": trySend on case " + j + ", chosen " + k);
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
                Chan<Integer>[] cs =
                        new Chan[] {Chan.make(), Chan.make(), Chan.make(), Chan.make()};
                AtomicInteger chosen = new AtomicInteger(-1);
                Thread s = g.go(() -> chosen.set(Select.select(
                        Select.send(cs[0], 0), Select.send(cs[1], 1), Select.send(cs[2], 2),
                        Select.send(cs[3], 3))));
                awaitBlocked(s);
                @SuppressWarnings("unchecked")
                Received<Integer>[] got = new Received[4];
                g.race(() -> got[0] = cs[0].tryReceive(), () -> got[1] = cs[1].tryReceive(),
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
                g.race(closing::close, () -> sent[0] = sending.trySend(7));
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
                g.race(closing::close, () -> sent[0] = sending.trySend(7));
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
                g.race(r::interrupt, () -> sent[0] = c.trySend(value));
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
                g.race(s::interrupt, () -> got[0] = b.tryReceive());
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
