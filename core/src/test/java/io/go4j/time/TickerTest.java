package io.go4j.time;

import static io.go4j.time.TimeTest.awaitDue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Received;
import io.go4j.RecvChan;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's {@code time/tick_test.go}, ported with generous timing bounds, plus Go 1.23's ticker
 * guarantees: ticks are dropped for a slow receiver, and none from before is received after
 * {@code Stop} or {@code Reset}.
 */
class TickerTest {

    /**
     * Go's TestTicker: count/2 ticks of delta, then count/2 of 2*delta after a Reset, take about
     * 3*delta*count/2; only a wide lower bound is checked, and the stopped ticker must not tick.
     */
    @Test
    @Timeout(30)
    void testTicker() {
        int count = 10;
        Duration delta = Duration.ofMillis(20);
        Ticker ticker = Time.newTicker(delta);
        long t0 = System.nanoTime();
        for (int i = 0; i < count / 2; i++) {
            ticker.c().receive();
        }
        ticker.reset(delta.multipliedBy(2));
        for (int i = count / 2; i < count; i++) {
            ticker.c().receive();
        }
        ticker.stop();
        long target = 3 * delta.toNanos() * (count / 2);
        long dt = System.nanoTime() - t0;
        assertTrue(dt >= target * 7 / 10, "ticks took " + dt + " ns, expected about " + target);
        Time.sleep(delta.multipliedBy(2)); // gives a wrongly running ticker the chance to tick
        assertNull(ticker.c().tryReceive(), "Ticker did not shut down");
    }

    /** Go's TestTeardown. */
    @Test
    @Timeout(20)
    void testTeardown() {
        for (int i = 0; i < 3; i++) {
            Ticker ticker = Time.newTicker(Duration.ofMillis(20));
            ticker.c().receive();
            ticker.stop();
        }
    }

    /** Go's TestTick, TestNewTickerLtZeroDuration and TestTickerResetLtZeroDuration. */
    @Test
    @Timeout(20)
    void testTick() {
        assertNull(Time.tick(Duration.ofNanos(-1)));
        assertNull(Time.tick(Duration.ZERO));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Time.newTicker(Duration.ofNanos(-1)));
        assertEquals("non-positive interval for NewTicker", e.getMessage());
        Ticker tk = Time.newTicker(Duration.ofSeconds(1));
        e = assertThrows(IllegalArgumentException.class, () -> tk.reset(Duration.ZERO));
        assertEquals("non-positive interval for Ticker.Reset", e.getMessage());
        tk.stop();
    }

    /** Go's TestAfterStress: a 1 ns ticker keeps ticking while the collector runs. */
    @Test
    @Timeout(20)
    void testAfterStress() throws Exception {
        Ticker ticker = Time.newTicker(Duration.ofNanos(1));
        Thread gc = Thread.ofPlatform().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                Thread.yield();
            }
        });
        for (int i = 0; i < 100; i++) {
            ticker.c().receive();
        }
        ticker.stop();
        gc.interrupt();
        gc.join();
    }

    @Test
    @Timeout(20)
    void tickReturnsATickingChannel() {
        RecvChan<Instant> c = Time.tick(Duration.ofMillis(1));
        Instant first = c.receive();
        assertTrue(c.receive().isAfter(first));
    }

    @Test
    @Timeout(20)
    void slowReceiverGetsOneTickNotABacklog() {
        Ticker ticker = Time.newTicker(Duration.ofMillis(5));
        Time.sleep(Duration.ofMillis(100)); // twenty periods: gives ticks the chance to pile up
        assertEquals(0, ticker.c().len(), "Go 1.23: timer channels are synchronous");
        assertEquals(0, ticker.c().cap());
        Instant receiving = Instant.now();
        assertNotNull(ticker.c().tryReceive());
        // A period may end between the two receives and bring a new tick, due after the first
        // receive began; a queued tick would be due long before (1 ms allows for the clocks).
        Received<Instant> second = ticker.c().tryReceive();
        assertTrue(second == null || second.value().isAfter(receiving.minusMillis(1)),
                () -> "ticks were queued for a slow receiver: " + second + " before " + receiving);
        ticker.stop();
    }

    @Test
    @Timeout(20)
    void noStaleTickAfterStop() {
        long armed = System.nanoTime();
        Ticker ticker = Time.newTicker(Duration.ofMillis(1));
        awaitDue(armed, Duration.ofMillis(1));
        ticker.stop();
        assertNull(ticker.c().tryReceive(), "stale tick after Stop");
        Time.sleep(Duration.ofMillis(20)); // gives a stopped ticker the chance to tick
        assertNull(ticker.c().tryReceive(), "tick after Stop");
    }

    @Test
    @Timeout(20)
    void noStaleTickAfterResetAndTheNextComesAPeriodLater() {
        long armed = System.nanoTime();
        Ticker ticker = Time.newTicker(Duration.ofMillis(1));
        awaitDue(armed, Duration.ofMillis(1));
        ticker.reset(Duration.ofMillis(50));
        long t0 = System.nanoTime();
        assertNull(ticker.c().tryReceive(), "stale tick after Reset");
        ticker.c().receive();
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(45).toNanos(),
                "tick came before the new period");
        ticker.stop();
    }
}
