package io.go4j;

import static io.go4j.Goroutines.awaitBlocked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code select} as a statement ({@link Select#select(Select.Chosen, Select.Case...)}): the
 * chosen index, value and {@code ok} on every path (a case ready at once, the default, a blocked
 * select woken by a counterpart, an interrupt), case bodies written inline with {@code return},
 * {@code break} and {@code continue}, and case bodies written as method references.
 */
@Timeout(60)
class SelectStatementTest {

    @Test
    void aReadyReceiveRecordsItsValueAndOk() {
        Chan<String> a = Chan.make(1);
        Chan<String> b = Chan.make(1);
        a.send("x");
        Select.Chosen chosen = new Select.Chosen();
        assertEquals(-1, chosen.index(), "nothing chosen yet");

        assertEquals(0, Select.select(chosen, Select.recv(a), Select.recv(b)));
        assertEquals(0, chosen.index());
        String v = chosen.value();
        assertEquals("x", v);
        assertTrue(chosen.ok());

        b.close();
        assertEquals(1, Select.select(chosen, List.of(Select.recv(a), Select.recv(b))));
        assertNull(chosen.value(), "closed and drained");
        assertFalse(chosen.ok(), "closed and drained");
    }

    @Test
    void aSendOrTheDefaultRecordsNoValue() {
        Chan<Integer> c = Chan.make(1);
        c.send(1);
        Select.Chosen chosen = new Select.Chosen();
        Select.select(chosen, Select.recv(c));
        assertEquals(1, chosen.<Integer>value());

        assertEquals(1, Select.select(chosen, Select.defaultCase(), Select.send(c, 2)));
        assertNull(chosen.value(), "a send receives nothing");
        assertTrue(chosen.ok());
        assertEquals(0, Select.select(chosen, Select.defaultCase(), Select.send(c, 3)),
                "full: the default");
        assertNull(chosen.value());
        assertTrue(chosen.ok());
        assertEquals(2, c.receive());
    }

    @Test
    void aBlockedSelectRecordsWhatItsCounterpartSent() throws Exception {
        Chan<Integer> never = Chan.make();
        Chan<Integer> in = Chan.make();
        Chan<Integer> out = Chan.make();
        Select.Chosen received = new Select.Chosen();
        Select.Chosen sent = new Select.Chosen();
        try (Goroutines g = new Goroutines()) {
            Thread receiver = g.go(()
                    -> Select.select(received, Select.recv(never), Select.recv(in)));
            awaitBlocked(receiver);
            in.send(7);
            receiver.join();
            Thread sender = g.go(()
                    -> Select.select(sent, Select.recv(never), Select.send(out, 8)));
            awaitBlocked(sender);
            assertEquals(8, out.receive());
            sender.join();
        }
        assertEquals(1, received.index());
        assertEquals(7, received.<Integer>value());
        assertTrue(received.ok());
        assertEquals(1, sent.index());
        assertNull(sent.value());
    }

    @Test
    void anInterruptedSelectLeavesTheLastChoiceAlone() throws Exception {
        Chan<Integer> ready = Chan.make(1);
        ready.send(5);
        Chan<Integer> never = Chan.make();
        Select.Chosen chosen = new Select.Chosen();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Go.go(() -> {
            Select.select(chosen, Select.recv(never), Select.recv(ready));
            try {
                Select.select(chosen, Select.recv(never), Select.recv(ready));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        awaitBlocked(t);
        t.interrupt();
        t.join();
        assertInstanceOf(GoInterruptedException.class, thrown.get());
        assertEquals(1, chosen.index());
        assertEquals(5, chosen.<Integer>value());
    }

    @Test
    void caseBodiesStillRunAndSeeTheChoice() {
        Chan<String> c = Chan.make(1);
        c.send("v");
        Select.Chosen chosen = new Select.Chosen();
        List<String> log = new ArrayList<>();
        Select.select(chosen, Select.recv(c, v -> log.add(v + " at " + chosen.index())));
        assertEquals(List.of("v at 0"), log, "the body sees the choice recorded");
    }

    @Test
    void aNullChosenIsRefused() {
        assertThrows(NullPointerException.class,
                () -> Select.select((Select.Chosen) null, Select.defaultCase()));
    }

    /**
     * Go's {@code for { select { ... } } } loop with a {@code return}, a {@code break} out of the
     * loop and a {@code continue}: sums the positive values of {@code in} until it is closed;
     * returns -1 as soon as {@code quit} is closed.
     */
    private static int sumPositives(RecvChan<Integer> in, RecvChan<Void> quit) {
        Select.Chosen chosen = new Select.Chosen();
        int sum = 0;
        loop:
        for (;;) {
            switch (Select.select(chosen, Select.recv(in), Select.recv(quit))) {
                case 0 -> {
                    if (!chosen.ok()) {
                        break loop;
                    }
                    int v = chosen.<Integer>value();
                    if (v < 0) {
                        continue;
                    }
                    sum += v;
                }
                default -> {
                    return -1;
                }
            }
        }
        return sum;
    }

    @Test
    void aCaseBodyInlineMayAssignReturnBreakAndContinue() {
        Chan<Integer> in = Chan.make(4);
        Chan<Void> quit = Chan.make();
        for (int v : new int[] {1, -2, 3}) {
            in.send(v);
        }
        in.close();
        assertEquals(4, sumPositives(in, quit));

        Chan<Integer> empty = Chan.make();
        quit.close();
        assertEquals(-1, sumPositives(empty, quit));
    }

    /** A {@code (value, ok)} body as a method reference. */
    private final List<String> receipts = new ArrayList<>();

    private void receipt(Integer value, boolean ok) {
        receipts.add(value + "/" + ok);
    }

    /**
     * Compiles only while every case factory takes a method reference without help: with two
     * {@code recv} overloads of arity 1 and 2, {@code results::add} was ambiguous, since
     * {@code List} has both {@code add(E)} and {@code add(int, E)}.
     */
    @Test
    void caseBodiesMayBeMethodReferences() {
        Chan<Integer> c = Chan.make(2);
        c.send(1);
        List<Integer> results = new ArrayList<>();
        Select.select(Select.recv(c, results::add));
        assertEquals(List.of(1), results);

        AtomicInteger sends = new AtomicInteger();
        Select.select(Select.send(c, 2, sends::incrementAndGet));
        assertEquals(1, sends.get());

        Select.select(Select.recvOk(c, this::receipt));
        c.close();
        Select.select(Select.recvOk(c, this::receipt));
        assertEquals(List.of("2/true", "null/false"), receipts);

        Select.select(Select.recv(Chan.<Integer>make(), results::add),
                Select.defaultCase(results::clear));
        assertEquals(List.of(), results);
    }
}
