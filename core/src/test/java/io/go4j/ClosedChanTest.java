package io.go4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go's {@code test/closedchan.go}, ported: every way of receiving from a closed channel, plain or
 * through a select (alone, or next to a case that never fires), gets the buffered values first,
 * then the zero value ({@code null}) with {@code ok == false}, without blocking; every way of
 * sending panics; closing twice panics. (Go's {@code close(nil)} has no counterpart: a null
 * reference has no methods.)
 */
@Timeout(60)
class ClosedChanTest {

    /** One way of doing each channel operation, as Go's {@code Chan} interface in the test. */
    interface Ops {
        void send(int x);

        boolean nbsend(int x);

        Integer recv();

        /** The value and whether a case fired. */
        Received<Integer> nbrecv();

        Received<Integer> recv2();

        /** (value, ok), or null when the default was taken. */
        Received<Integer> nbrecv2();

        void close();
    }

    /** Go's XChan: the channel operations themselves. */
    record Direct(Chan<Integer> c) implements Ops {
        public void send(int x) {
            c.send(x);
        }

        public boolean nbsend(int x) {
            return c.trySend(x);
        }

        public Integer recv() {
            return c.receive();
        }

        public Received<Integer> nbrecv() {
            Received<Integer> r = c.tryReceive();
            return r == null ? new Received<>(null, false) : new Received<>(r.value(), true);
        }

        public Received<Integer> recv2() {
            return c.receiveOk();
        }

        public Received<Integer> nbrecv2() {
            return c.tryReceive();
        }

        public void close() {
            c.close();
        }

        @Override
        public String toString() {
            return "(channel operations)";
        }
    }

    /**
     * Go's SChan and SSChan: selects with the operation's case (and a default for the
     * non-blocking ones), plus, for SSChan, a receive from a channel that never delivers.
     */
    record Selects(Chan<Integer> c, Chan<Boolean> dummy) implements Ops {
        private Select.Case[] cases(Select.Case... cs) {
            return dummy == null
                    ? cs
                    : Stream.concat(Stream.of(Select.recvOk(dummy, (v, ok) -> {
                        throw new AssertionError("dummy channel delivered");
                    })), Stream.of(cs)).toArray(Select.Case[]::new);
        }

        public void send(int x) {
            Select.select(cases(Select.send(c, x)));
        }

        public boolean nbsend(int x) {
            boolean[] sent = {false};
            Select.select(cases(Select.defaultCase(), Select.send(c, x, () -> sent[0] = true)));
            return sent[0];
        }

        public Integer recv() {
            Integer[] got = {-1};
            Select.select(cases(Select.recv(c, (Integer v) -> got[0] = v)));
            return got[0];
        }

        public Received<Integer> nbrecv() {
            Object[] got = {null, false};
            Select.select(cases(Select.defaultCase(), Select.recv(c, (Integer v) -> {
                got[0] = v;
                got[1] = true;
            })));
            return new Received<>((Integer) got[0], (Boolean) got[1]);
        }

        public Received<Integer> recv2() {
            @SuppressWarnings("unchecked")
            Received<Integer>[] got = new Received[1];
            Select.select(cases(Select.recvOk(c,
                    (Integer v, boolean ok) -> got[0] = new Received<>(v, ok))));
            return got[0];
        }

        public Received<Integer> nbrecv2() {
            @SuppressWarnings("unchecked")
            Received<Integer>[] got = new Received[1];
            Select.select(cases(Select.defaultCase(),
                    Select.recvOk(c, (Integer v, boolean ok) -> got[0] = new Received<>(v, ok))));
            return got[0];
        }

        public void close() {
            c.close();
        }

        @Override
        public String toString() {
            return dummy == null ? "(select)" : "(select with a dummy case)";
        }
    }

    static final Chan<Boolean> DUMMY = Chan.make();

    static List<Function<Chan<Integer>, Ops>> makers() {
        return List.of(Direct::new, c -> new Selects(c, null), c -> new Selects(c, DUMMY));
    }

    static Stream<Arguments> impls() {
        return Stream.of(
                Arguments.of("operations", makers().get(0)),
                Arguments.of("select", makers().get(1)),
                Arguments.of("select+dummy", makers().get(2)));
    }

    static Chan<Integer> closedSync() {
        Chan<Integer> c = Chan.make();
        c.close();
        return c;
    }

    /** A closed channel that still holds the value 1. */
    static Chan<Integer> closedAsync() {
        Chan<Integer> c = Chan.make(2);
        c.send(1);
        c.close();
        return c;
    }

    /** Go's test1: c is closed and drained. */
    static void test1(Ops c) {
        for (int i = 0; i < 3; i++) {
            assertNull(c.recv(), c + ": recv on closed");
            assertEquals(new Received<>(null, false), c.recv2(), c + ": recv2 on closed");
            // Received without blocking, so a case was selected.
            assertEquals(new Received<>(null, true), c.nbrecv(), c + ": recv on closed nb");
            assertEquals(new Received<>(null, false), c.nbrecv2(), c + ": recv2 on closed nb");
        }
        ChanClosedException e =
                assertThrows(ChanClosedException.class, () -> c.nbsend(1), c + ": nbsend");
        assertEquals("send on closed channel", e.getMessage());
        // The value was discarded.
        assertNull(c.recv(), c + ": recv on closed after send on closed");
        e = assertThrows(ChanClosedException.class, () -> c.send(2), c + ": send");
        assertEquals("send on closed channel", e.getMessage());
        assertNull(c.recv(), c + ": recv on closed after send on closed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impls")
    @Timeout(60)
    void closedSyncChannel(String name, Function<Chan<Integer>, Ops> mk) {
        test1(mk.apply(closedSync()));
    }

    /** Go's testasync1: the last value via Recv. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("impls")
    @Timeout(60)
    void closedAsyncRecv(String name, Function<Chan<Integer>, Ops> mk) {
        Ops c = mk.apply(closedAsync());
        assertEquals(1, c.recv(), c + ": Recv did not get 1");
        test1(c);
    }

    /** Go's testasync2: the last value via Recv2. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("impls")
    @Timeout(60)
    void closedAsyncRecv2(String name, Function<Chan<Integer>, Ops> mk) {
        Ops c = mk.apply(closedAsync());
        assertEquals(new Received<>(1, true), c.recv2(), c + ": Recv2 did not get 1, true");
        test1(c);
    }

    /** Go's testasync3: the last value via Nbrecv. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("impls")
    @Timeout(60)
    void closedAsyncNbrecv(String name, Function<Chan<Integer>, Ops> mk) {
        Ops c = mk.apply(closedAsync());
        assertEquals(new Received<>(1, true), c.nbrecv(), c + ": Nbrecv did not get 1, selected");
        test1(c);
    }

    /** Go's testasync4: the last value via Nbrecv2. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("impls")
    @Timeout(60)
    void closedAsyncNbrecv2(String name, Function<Chan<Integer>, Ops> mk) {
        Ops c = mk.apply(closedAsync());
        assertEquals(new Received<>(1, true), c.nbrecv2(), c + ": Nbrecv2 did not get 1, true");
        test1(c);
    }

    @Test
    @Timeout(60)
    void closeOfClosedChannelPanics() {
        Chan<Integer> ch = Chan.make();
        ch.close();
        ChanClosedException e = assertThrows(ChanClosedException.class, ch::close);
        assertEquals("close of closed channel", e.getMessage());
        assertTrue(e instanceof IllegalStateException);
    }
}
