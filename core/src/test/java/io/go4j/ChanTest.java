package io.go4j;

import static io.go4j.Goroutines.awaitBlocked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's {@code runtime/chan_test.go}, ported. Each test names the Go test it ports. Where Go sleeps
 * to let a goroutine block before checking that it did not proceed, these tests wait until the
 * goroutine's thread is parked instead, which is both faster and certain.
 */
@Timeout(60)
class ChanTest {

    /** Go's TestChan, for every capacity from 0 to 199 as in Go. */
    @Test
    @Timeout(60)
    void testChan() throws Exception {
        for (int chanCap = 0; chanCap < 200; chanCap++) {
            receiveFromEmptyBlocks(chanCap);
            sendToFullBlocks(chanCap);
            receiveFromClosedGivesZero(chanCap);
            closeUnblocksReceive(chanCap);
            fifoAndNoCorruption(chanCap);
            lenAndCap(chanCap);
        }
    }

    private static void receiveFromEmptyBlocks(int chanCap) throws Exception {
        try (Goroutines g = new Goroutines()) {
            Chan<Integer> c = Chan.make(chanCap);
            AtomicBoolean recv1 = new AtomicBoolean();
            AtomicBoolean recv2 = new AtomicBoolean();
            Thread r1 = g.go(() -> {
                c.receive();
                recv1.set(true);
            });
            Thread r2 = g.go(() -> {
                c.receiveOk();
                recv2.set(true);
            });
            awaitBlocked(r1);
            awaitBlocked(r2);
            assertFalse(recv1.get() || recv2.get(),
                    "chan[" + chanCap + "]: receive from empty chan");
            // A non-blocking receive does not block.
            assertNull(c.tryReceive(), "chan[" + chanCap + "]: receive from empty chan");
            assertEquals(1, Select.select(Select.recv(c), Select.defaultCase()),
                    "chan[" + chanCap + "]: receive from empty chan");
            assertEquals(1, Select.select(Select.recvOk(c, (v, ok) -> fail("received")),
                    Select.defaultCase()),
                    "chan[" + chanCap + "]: receive from empty chan");
            c.send(0);
            c.send(0);
        }
    }

    private static void sendToFullBlocks(int chanCap) throws Exception {
        try (Goroutines g = new Goroutines()) {
            Chan<Integer> c = Chan.make(chanCap);
            for (int i = 0; i < chanCap; i++) {
                c.send(i);
            }
            AtomicBoolean sent = new AtomicBoolean();
            Thread s = g.go(() -> {
                c.send(0);
                sent.set(true);
            });
            awaitBlocked(s);
            assertFalse(sent.get(), "chan[" + chanCap + "]: send to full chan");
            // A non-blocking send does not block.
            assertFalse(c.trySend(0), "chan[" + chanCap + "]: send to full chan");
            assertEquals(1, Select.select(Select.send(c, 0), Select.defaultCase()),
                    "chan[" + chanCap + "]: send to full chan");
            c.receive();
        }
    }

    private static void receiveFromClosedGivesZero(int chanCap) {
        Chan<Integer> c = Chan.make(chanCap);
        for (int i = 0; i < chanCap; i++) {
            c.send(i);
        }
        c.close();
        for (int i = 0; i < chanCap; i++) {
            assertEquals(i, c.receive(), "chan[" + chanCap + "]");
        }
        assertNull(c.receive(), "chan[" + chanCap + "]");
        assertEquals(new Received<>(null, false), c.receiveOk(), "chan[" + chanCap + "]");
    }

    private static void closeUnblocksReceive(int chanCap) throws Exception {
        try (Goroutines g = new Goroutines()) {
            Chan<Integer> c = Chan.make(chanCap);
            Chan<Boolean> done = Chan.make();
            Thread r = g.go(() -> {
                Received<Integer> got = c.receiveOk();
                done.send(got.value() == null && !got.ok());
            });
            awaitBlocked(r);
            c.close();
            assertTrue(done.receive(), "chan[" + chanCap + "]: received non zero from closed chan");
        }
    }

    private static void fifoAndNoCorruption(int chanCap) throws Exception {
        try (Goroutines g = new Goroutines()) {
            Chan<Integer> c = Chan.make(chanCap);
            // 100 integers arrive uncorrupted and in FIFO order.
            g.go(() -> {
                for (int i = 0; i < 100; i++) {
                    c.send(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(i, c.receive(), "chan[" + chanCap + "]");
            }
            // The same, receiving with ok.
            g.go(() -> {
                for (int i = 0; i < 100; i++) {
                    c.send(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(new Received<>(i, true), c.receiveOk(), "chan[" + chanCap + "]");
            }
            // 4 senders and 4 receivers of 1000 integers each: every value arrives exactly P times.
            final int p = 4;
            final int l = 1000;
            for (int k = 0; k < p; k++) {
                g.go(() -> {
                    for (int i = 0; i < l; i++) {
                        c.send(i);
                    }
                });
            }
            Chan<Map<Integer, Integer>> done = Chan.make();
            for (int k = 0; k < p; k++) {
                g.go(() -> {
                    Map<Integer, Integer> recv = new HashMap<>();
                    for (int i = 0; i < l; i++) {
                        recv.merge(c.receive(), 1, Integer::sum);
                    }
                    done.send(recv);
                });
            }
            Map<Integer, Integer> recv = new HashMap<>();
            for (int k = 0; k < p; k++) {
                done.receive().forEach((v, n) -> recv.merge(v, n, Integer::sum));
            }
            assertEquals(l, recv.size(), "chan[" + chanCap + "]: distinct values received");
            recv.forEach((v, n) ->
                    assertEquals(p, n, "chan[" + chanCap + "]: times " + v + " was received"));
        }
    }

    private static void lenAndCap(int chanCap) {
        Chan<Integer> c = Chan.make(chanCap);
        assertEquals(0, c.len(), "chan[" + chanCap + "]: len");
        assertEquals(chanCap, c.cap(), "chan[" + chanCap + "]: cap");
        for (int i = 0; i < chanCap; i++) {
            c.send(i);
        }
        assertEquals(chanCap, c.len(), "chan[" + chanCap + "]: len");
        assertEquals(chanCap, c.cap(), "chan[" + chanCap + "]: cap");
    }

    /**
     * Go's TestNonblockRecvRace: a buffered value, then a close, keeps a non-blocking receive
     * ready.
     */
    @Test
    @Timeout(60)
    void testNonblockRecvRace() throws Exception {
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 10_000; i++) {
                Chan<Integer> c = Chan.make(1);
                c.send(1);
                g.go(() -> {
                    if (Select.select(Select.recv(c), Select.defaultCase()) == 1) {
                        g.error("chan is not ready");
                    }
                });
                c.close();
                c.receive();
                g.check();
            }
        }
    }

    /**
     * Go's TestNonblockSelectRace: from the moment the goroutine starts, c1 or c2 is always ready,
     * so a select on both must act on one moment's state and never take the default.
     */
    @Test
    @Timeout(60)
    void testNonblockSelectRace() throws Exception {
        Chan<Boolean> done = Chan.make(1);
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 100_000; i++) {
                Chan<Integer> c1 = Chan.make(1);
                Chan<Integer> c2 = Chan.make(1);
                c1.send(1);
                g.go(() -> done.send(
                        Select.select(Select.recv(c1), Select.recv(c2), Select.defaultCase())
                        != 2));
                c2.send(1);
                Select.select(Select.recv(c1), Select.defaultCase());
                assertTrue(done.receive(), "no chan is ready");
            }
        }
    }

    /**
     * Go's TestNonblockSelectRace2: as {@link #testNonblockSelectRace()}, with close(c2) for c2
     * <- 1.
     */
    @Test
    @Timeout(60)
    void testNonblockSelectRace2() throws Exception {
        Chan<Boolean> done = Chan.make(1);
        try (Goroutines g = new Goroutines()) {
            for (int i = 0; i < 100_000; i++) {
                Chan<Integer> c1 = Chan.make(1);
                Chan<Integer> c2 = Chan.make();
                c1.send(1);
                g.go(() -> done.send(
                        Select.select(Select.recv(c1), Select.recv(c2), Select.defaultCase())
                        != 2));
                c2.close();
                Select.select(Select.recv(c1), Select.defaultCase());
                assertTrue(done.receive(), "no chan is ready");
            }
        }
    }

    /**
     * Go's TestSelfSelect: a select that sends and receives on the same channel neither deadlocks
     * nor, on an unbuffered channel, receives its own value.
     */
    @Test
    @Timeout(60)
    void testSelfSelect() throws Exception {
        for (int chanCap : new int[] {0, 10}) {
            try (Goroutines g = new Goroutines()) {
                Chan<Integer> c = Chan.make(chanCap);
                for (int p = 0; p < 2; p++) {
                    final int self = p;
                    g.go(() -> {
                        Select.Case recv = Select.recv(c, (Integer v) -> {
                            if (chanCap == 0 && v == self) {
                                throw new AssertionError("self receive");
                            }
                        });
                        Select.Case send = Select.send(c, self);
                        for (int i = 0; i < 1000; i++) {
                            if (self == 0 || i % 2 == 0) {
                                Select.select(send, recv);
                            } else {
                                Select.select(recv, send);
                            }
                        }
                    });
                }
            }
        }
    }

    /**
     * Go's TestSelectStress: plain senders and receivers on four channels interact with one select
     * that sends on all four and one that receives from all four (dropping a channel, by setting it
     * to null, once its quota is done); the whole must not deadlock and every count must add up.
     */
    @Test
    @Timeout(60)
    void testSelectStress() throws Exception {
        @SuppressWarnings("unchecked")
        Chan<Integer>[] c = new Chan[] {Chan.make(), Chan.make(), Chan.make(2), Chan.make(3)};
        final int n = 100_000;
        int[] selectSent = new int[4];
        int[] selectReceived = new int[4];
        try (Goroutines g = new Goroutines()) {
            for (int k = 0; k < 4; k++) {
                Chan<Integer> ck = c[k];
                g.go(() -> {
                    for (int i = 0; i < n; i++) {
                        ck.send(0);
                    }
                });
                g.go(() -> {
                    for (int i = 0; i < n; i++) {
                        ck.receive();
                    }
                });
            }
            g.go(() -> {
                Chan<Integer>[] c1 = c.clone();
                for (int i = 0; i < 4 * n; i++) {
                    Select.select(
                            Select.send(c1[3], 0, () -> count(selectSent, c1, 3, n)),
                            Select.send(c1[2], 0, () -> count(selectSent, c1, 2, n)),
                            Select.send(c1[0], 0, () -> count(selectSent, c1, 0, n)),
                            Select.send(c1[1], 0, () -> count(selectSent, c1, 1, n)));
                }
            });
            g.go(() -> {
                Chan<Integer>[] c1 = c.clone();
                for (int i = 0; i < 4 * n; i++) {
                    Select.select(
                            Select.recv(c1[0], v -> count(selectReceived, c1, 0, n)),
                            Select.recv(c1[1], v -> count(selectReceived, c1, 1, n)),
                            Select.recv(c1[2], v -> count(selectReceived, c1, 2, n)),
                            Select.recv(c1[3], v -> count(selectReceived, c1, 3, n)));
                }
            });
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(n, selectSent[k], "select sends on c[" + k + "]");
            assertEquals(n, selectReceived[k], "select receives on c[" + k + "]");
            assertEquals(0, c[k].len(), "values left in c[" + k + "]");
        }
    }

    private static void count(int[] counts, Chan<Integer>[] chans, int k, int quota) {
        if (++counts[k] == quota) {
            chans[k] = null;
        }
    }

    /**
     * Go's TestSelectFairness: a select over two always-ready channels (and two never-ready ones)
     * picks each ready one about half the time. The bound is Go's: a fair select exceeds it with
     * probability below one in a million.
     */
    @Test
    @Timeout(60)
    void testSelectFairness() throws Exception {
        final int trials = 10_000;
        Chan<Integer> c1 = Chan.make(trials + 1);
        Chan<Integer> c2 = Chan.make(trials + 1);
        for (int i = 0; i < trials + 1; i++) {
            c1.send(1);
            c2.send(2);
        }
        Chan<Integer> c3 = Chan.make();
        Chan<Integer> c4 = Chan.make();
        Chan<Integer> out = Chan.make();
        Chan<Integer> done = Chan.make();
        int cnt1 = 0;
        int cnt2 = 0;
        try (Goroutines g = new Goroutines()) {
            g.go(() -> {
                int[] b = new int[1];
                while (true) {
                    Select.select(
                            Select.recv(c3, (Integer v) -> b[0] = v),
                            Select.recv(c4, (Integer v) -> b[0] = v),
                            Select.recv(c1, (Integer v) -> b[0] = v),
                            Select.recv(c2, (Integer v) -> b[0] = v));
                    if (Select.select(Select.send(out, b[0]), Select.recv(done)) == 1) {
                        return;
                    }
                }
            });
            for (int i = 0; i < trials; i++) {
                int b = out.receive();
                switch (b) {
                    case 1 -> cnt1++;
                    case 2 -> cnt2++;
                    default -> fail("unexpected value " + b + " on channel");
                }
            }
            done.close();
        }
        double e = Math.abs((double) cnt1 / trials - 0.5);
        assertTrue(e <= 4.891676 / (2 * Math.sqrt(trials)),
                "unfair select: in " + trials + " trials, results were " + cnt1 + ", " + cnt2);
    }

    /**
     * Go's TestChanSendInterface: select sends of the same object, with a default, on a full
     * channel.
     */
    @Test
    @Timeout(60)
    void testChanSendInterface() {
        Object m = new Object();
        Chan<Object> c = Chan.make(1);
        c.send(m);
        assertEquals(1, Select.select(Select.send(c, m), Select.defaultCase()));
        assertEquals(2, Select.select(Select.send(c, m), Select.send(c, new Object()),
                Select.defaultCase()));
        assertTrue(c.receive() == m);
    }

    /** Go's TestPseudoRandomSend: a select between two sends on one channel picks both. */
    @Test
    @Timeout(60)
    void testPseudoRandomSend() throws Exception {
        final int n = 100;
        for (int chanCap : new int[] {0, n}) {
            Chan<Integer> c = Chan.make(chanCap);
            int[] l = new int[n];
            try (Goroutines g = new Goroutines()) {
                g.go(() -> {
                    for (int i = 0; i < n; i++) {
                        Go.gosched();
                        l[i] = c.receive();
                    }
                });
                for (int i = 0; i < n; i++) {
                    Select.select(Select.send(c, 1), Select.send(c, 0));
                }
            }
            int n0 = 0;
            int n1 = 0;
            for (int i : l) {
                n0 += (i + 1) % 2;
                n1 += i;
            }
            assertTrue(n0 > n / 10 && n1 > n / 10,
                    "want pseudorandom, got " + n0 + " zeros and " + n1 + " ones (chan cap "
                    + chanCap + ")");
        }
    }

    /** Go's TestMultiConsumer: 23 workers ranging over one channel lose and duplicate nothing. */
    @Test
    @Timeout(60)
    void testMultiConsumer() throws Exception {
        final int nwork = 23;
        final int niter = 271_828;
        int[] pn = {2, 3, 7, 11, 13, 17, 19, 23, 27, 31};
        Chan<Integer> q = Chan.make(nwork * 3);
        Chan<Integer> r = Chan.make(nwork * 3);
        long[] expect = new long[1];
        long n = 0;
        long s = 0;
        try (Goroutines g = new Goroutines()) {
            Thread[] workers = new Thread[nwork];
            for (int i = 0; i < nwork; i++) {
                final int w = i;
                workers[i] = g.go(() -> {
                    for (int v : q) {
                        // Mess with the FIFO-ish nature of the iteration.
                        if (pn[w % pn.length] == v) {
                            Go.gosched();
                        }
                        r.send(v);
                    }
                });
            }
            g.go(() -> {
                for (int i = 0; i < niter; i++) {
                    int v = pn[i % pn.length];
                    expect[0] += v;
                    q.send(v);
                }
                q.close(); // no more work
                for (Thread w : workers) {
                    w.join(); // workers done
                }
                r.close(); // so there can be no more results
            });
            for (int v : r) {
                n++;
                s += v;
            }
        }
        assertEquals(niter, n, "values received");
        assertEquals(expect[0], s, "sum of values received");
    }

    /**
     * Go's TestSelectDuplicateChannel: a select waiting twice on one channel leaves that channel's
     * queue intact when it fires on another channel.
     */
    @Test
    @Timeout(60)
    void testSelectDuplicateChannel() throws Exception {
        Chan<Integer> c = Chan.make();
        Chan<Integer> d = Chan.make();
        Chan<Integer> e = Chan.make();
        AtomicInteger bGot = new AtomicInteger();
        try (Goroutines g = new Goroutines()) {
            Thread a = g.go(() -> {
                Select.select(Select.recv(c), Select.recv(c), Select.recv(d));
                e.send(9);
            });
            awaitBlocked(a); // A is queued on c first
            Thread b = g.go(() -> bGot.set(c.receive()));
            awaitBlocked(b); // then B
            d.send(7); // wakes A, which takes itself out of c's queue
            assertEquals(9, e.receive());
            c.send(8); // must reach B
        }
        assertEquals(8, bGot.get());
    }
}
