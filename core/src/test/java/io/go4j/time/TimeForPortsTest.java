package io.go4j.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What ported code reaches for besides waiting: Go's {@code Duration.String} (its
 * {@code time_test.go} table), {@code time.Since} and {@code Until}, and {@code defer t.Stop()}
 * as try-with-resources.
 */
@Timeout(20)
class TimeForPortsTest {

    /** Go's durationTests, plus the examples. */
    @Test
    void formatIsGosDurationString() {
        Object[][] cases = {
            {"0s", Duration.ZERO},
            {"1ns", Duration.ofNanos(1)},
            {"1.1\u00b5s", Duration.ofNanos(1100)},
            {"2.2ms", Duration.ofNanos(2_200_000)},
            {"3.3s", Duration.ofMillis(3300)},
            {"4m5s", Duration.ofMinutes(4).plusSeconds(5)},
            {"4m5.001s", Duration.ofMinutes(4).plusMillis(5001)},
            {"5h6m7.001s", Duration.ofHours(5).plusMinutes(6).plusMillis(7001)},
            {"8m0.000000001s", Duration.ofMinutes(8).plusNanos(1)},
            {"2562047h47m16.854775807s", Duration.ofNanos(Long.MAX_VALUE)},
            {"-2562047h47m16.854775808s", Duration.ofNanos(Long.MIN_VALUE)},
            {"72.6ms", Duration.ofMillis(72).plusNanos(600_000)},
            {"1h2m0.5s", Duration.ofHours(1).plusMinutes(2).plusMillis(500)},
            {"-1.5s", Duration.ofMillis(-1500)},
            {"1h0m0s", Duration.ofHours(1)},
            {"999.999999ms", Duration.ofNanos(999_999_999)},
        };
        for (Object[] c : cases) {
            assertEquals(c[0], Time.format((Duration) c[1]), () -> c[1].toString());
        }
        assertEquals("2562047h47m16.854775807s", Time.format(Duration.ofDays(365L * 1000)),
                "beyond Go's range: clamped");
    }

    @Test
    void sinceAndUntilMeasureFromNow() {
        Instant minuteAgo = Instant.now().minusSeconds(60);
        Duration since = Time.since(minuteAgo);
        assertTrue(since.compareTo(Duration.ofSeconds(60)) >= 0, since::toString);
        assertTrue(since.compareTo(Duration.ofSeconds(70)) < 0, since::toString);

        Instant inAMinute = Instant.now().plusSeconds(60);
        Duration until = Time.until(inAMinute);
        assertTrue(until.compareTo(Duration.ofSeconds(60)) <= 0, until::toString);
        assertTrue(until.compareTo(Duration.ofSeconds(50)) > 0, until::toString);
        assertTrue(Time.until(minuteAgo).isNegative());
    }

    @Test
    void closingATimerStopsIt() {
        Timer kept;
        try (Timer t = Time.newTimer(Duration.ofHours(1))) {
            kept = t;
        }
        assertFalse(kept.stop(), "already stopped by close()");

        try (Timer t = Time.afterFunc(Duration.ofHours(1), () -> { })) {
            kept = t;
        }
        assertFalse(kept.stop(), "already stopped by close()");
    }

    @Test
    void closingATickerStopsItsTicks() {
        Ticker kept;
        try (Ticker t = Time.newTicker(Duration.ofMillis(1))) {
            assertNotNull(t.c().receive());
            kept = t;
        }
        assertNull(kept.c().tryReceive(), "no tick after close(), as none after stop()");
    }
}
