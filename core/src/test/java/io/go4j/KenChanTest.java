package io.go4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.go4j.sync.WaitGroup;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's {@code test/ken/chan.go}: senders, receivers and eight-case selects, each yielding a random
 * number of times between operations, move numbered values over unbuffered and buffered channels
 * that are switched off (set to nil) once done; every value must arrive once, in order. Its
 * {@code sel} is written with {@code select} as a statement: the chosen index says which channel
 * moved, and the value is read back from {@link Select.Chosen}.
 *
 * <p>Adapted: Go's {@code wait()} polls a goroutine counter under a mutex; here a
 * {@link WaitGroup} does, and {@code nrand}'s shared state (a data race in Go's version) is a
 * per-thread random number.
 */
@Timeout(120)
class KenChanTest {

    /** A value sequence ends after the one whose last two digits are 75: 76 values a channel. */
    private static final int END = 10_000;
    private static final int VALUES_PER_CHANNEL = 76;

    private final AtomicInteger sends = new AtomicInteger();
    private final AtomicInteger receives = new AtomicInteger();
    private int cval;

    /**
     * Go's {@code type Chan}: a channel, its sender's next value and its receiver's expected one.
     */
    private final class KenChan {
        Chan<Integer> sc;
        Chan<Integer> rc;
        int sv;
        int rv;

        /** Counts a send; true once the sender is done (its channel then off). */
        boolean send() {
            sends.incrementAndGet();
            sv = expect(sv, sv);
            if (sv == END) {
                sc = null;
                return true;
            }
            return false;
        }

        /** Checks and counts a receive; true once the receiver is done (its channel then off). */
        boolean recv(int v) {
            receives.incrementAndGet();
            rv = expect(rv, v);
            if (rv == END) {
                rc = null;
                return true;
            }
            return false;
        }
    }

    /** Go's {@code nc}: a Chan whose channels are nil, so its cases are never ready. */
    private final KenChan nc = new KenChan();

    private static int expect(int v, int v0) {
        assertEquals(v0, v, "got " + v + " expected " + v0);
        return v % 100 == 75 ? END : v + 1;
    }

    private static void yieldRandomly() {
        for (int r = ThreadLocalRandom.current().nextInt(10); r >= 0; r--) {
            Go.gosched();
        }
    }

    private KenChan[] mkchan(int capacity, int n) {
        KenChan[] ca = new KenChan[n];
        for (int i = 0; i < n; i++) {
            cval += 100;
            KenChan ch = new KenChan();
            ch.sc = Chan.make(capacity);
            ch.rc = ch.sc;
            ch.sv = cval;
            ch.rv = cval;
            ca[i] = ch;
        }
        return ca;
    }

    private static void send(KenChan c) {
        do {
            yieldRandomly();
            c.sc.send(c.sv);
        } while (!c.send());
    }

    private static void recv(KenChan c) {
        do {
            yieldRandomly();
        } while (!c.recv(c.rc.receive()));
    }

    /** Go's {@code sel}: receives on r0..r3 and sends on s0..s3 until all of them are done. */
    private static void sel(KenChan r0, KenChan r1, KenChan r2, KenChan r3,
            KenChan s0, KenChan s1, KenChan s2, KenChan s3) {
        KenChan[] r = {r0, r1, r2, r3};
        KenChan[] s = {s0, s1, s2, s3};
        int running = 0;
        for (int i = 0; i < 4; i++) {
            running += (r[i].rc != null ? 1 : 0) + (s[i].sc != null ? 1 : 0);
        }
        Select.Chosen chosen = new Select.Chosen();
        while (running > 0) {
            yieldRandomly();
            int i = Select.select(chosen,
                    Select.recv(r0.rc), Select.recv(r1.rc), Select.recv(r2.rc), Select.recv(r3.rc),
                    Select.send(s0.sc, s0.sv), Select.send(s1.sc, s1.sv),
                    Select.send(s2.sc, s2.sv), Select.send(s3.sc, s3.sv));
            boolean done = i < 4 ? r[i].recv(chosen.<Integer>value()) : s[i - 4].send();
            if (done) {
                running--;
            }
        }
    }

    /** Go's {@code tests(c)}: the six tests with one buffer size, each waited for. */
    private void tests(int capacity) {
        WaitGroup wg = new WaitGroup();
        for (KenChan c : mkchan(capacity, 4)) { // test1: direct send to direct recv
            wg.go(() -> send(c));
            wg.go(() -> recv(c));
        }
        wg.await();

        KenChan[] ca = mkchan(capacity, 4); // test2: direct send to select recv
        for (KenChan c : ca) {
            wg.go(() -> send(c));
        }
        wg.go(() -> sel(ca[0], ca[1], ca[2], ca[3], nc, nc, nc, nc));
        wg.await();

        KenChan[] cb = mkchan(capacity, 4); // test3: select send to direct recv
        for (KenChan c : cb) {
            wg.go(() -> recv(c));
        }
        wg.go(() -> sel(nc, nc, nc, nc, cb[0], cb[1], cb[2], cb[3]));
        wg.await();

        KenChan[] cc = mkchan(capacity, 4); // test4: select send to select recv
        wg.go(() -> sel(nc, nc, nc, nc, cc[0], cc[1], cc[2], cc[3]));
        wg.go(() -> sel(cc[0], cc[1], cc[2], cc[3], nc, nc, nc, nc));
        wg.await();

        KenChan[] cd = mkchan(capacity, 8); // test5: two selects, each sending and receiving
        wg.go(() -> sel(cd[4], cd[5], cd[6], cd[7], cd[0], cd[1], cd[2], cd[3]));
        wg.go(() -> sel(cd[0], cd[1], cd[2], cd[3], cd[4], cd[5], cd[6], cd[7]));
        wg.await();

        KenChan[] ce = mkchan(capacity, 12); // test6: coarse-grain parallelism
        for (int i = 4; i < 8; i++) {
            KenChan c = ce[i];
            wg.go(() -> send(c));
        }
        for (int i = 8; i < 12; i++) {
            KenChan c = ce[i];
            wg.go(() -> recv(c));
        }
        wg.go(() -> sel(ce[4], ce[5], ce[6], ce[7], ce[0], ce[1], ce[2], ce[3]));
        wg.go(() -> sel(ce[0], ce[1], ce[2], ce[3], ce[8], ce[9], ce[10], ce[11]));
        wg.await();
    }

    @Test
    void everyValueArrivesOnceInOrder() {
        Go.main(() -> {
            for (int capacity : new int[] {0, 1, 10, 100}) {
                tests(capacity);
            }
        });
        int channels = 4 * 4 + 8 + 12;
        int expected = 4 * channels * VALUES_PER_CHANNEL;
        assertEquals(expected, sends.get(), "sends");
        assertEquals(expected, receives.get(), "receives");
    }
}
