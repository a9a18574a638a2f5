package io.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.junit.CheckGoroutineLeaks;
import io.go4j.junit.DumpGoroutinesOnTimeout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The examples that need timers, contexts or {@code Go.main}. Where the output has times in it,
 * the tests check bounds that hold however late the machine runs, never an upper bound.
 */
@CheckGoroutineLeaks
@DumpGoroutinesOnTimeout
@Timeout(30)
class TimeContextDeadlockTest {

    /** Slack for comparing wall-clock instants with the monotonic clock the timers run on. */
    private static final Duration CLOCK_SLACK = Duration.ofMillis(20);

    @Test
    void timeoutsGiveUpOnTheSlowResultOnly() {
        assertEquals(List.of("timeout 1", "result 2"), Output.of("timeouts"));
    }

    @Test
    void timersFireUnlessStopped() {
        assertEquals(List.of("Timer 1 fired", "Timer 2 stopped"), Output.of("timers"));
    }

    @Test
    void tickersTickInOrderUntilStopped() {
        List<String> lines = Output.of("tickers");
        assertEquals("Ticker stopped", lines.get(lines.size() - 1));
        List<Instant> ticks = lines.subList(0, lines.size() - 1).stream()
                .map(l -> Instant.parse(l.substring("Tick at ".length())))
                .toList();
        assertFalse(ticks.isEmpty(), lines::toString);
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(ticks.get(i).isAfter(ticks.get(i - 1)), lines::toString);
        }
    }

    @Test
    void rateLimitingServesNoFasterThanTheTicker() {
        Instant start = Instant.now().minus(CLOCK_SLACK);
        List<String> lines = Output.of("rate-limiting");
        assertEquals(2 * RateLimiting.REQUESTS, lines.size(), lines::toString);
        for (int i = 0; i < lines.size(); i++) {
            int req = i % RateLimiting.REQUESTS + 1;
            String[] words = lines.get(i).split(" ");
            assertEquals("request " + req, words[0] + " " + words[1]);
            int ticksNeeded = i < RateLimiting.REQUESTS ? req
                    : Math.max(0, req - RateLimiting.BURST);
            Instant earliest = start.plus(RateLimiting.PERIOD.multipliedBy(ticksNeeded));
            assertFalse(Instant.parse(words[2]).isBefore(earliest), lines.get(i));
        }
    }

    @Test
    void contextCancellationStopsTheHandler() {
        assertEquals(List.of(
                        "server: hello handler started",
                        "server: hello handler ended",
                        "client: hello",
                        "server: hello handler started",
                        "server: context canceled",
                        "server: hello handler ended",
                        "client: 500 context canceled"),
                Output.of("context"));
    }

    /** A deadlocked program's goroutines stay blocked, as they would until Go's process exits. */
    @Test
    @CheckGoroutineLeaks(ignoreTopFrames = "io.go4j.examples.Deadlock.sumOfSquares")
    void deadlockIsReportedWithTheDumpThenTheFixedProgramRuns() {
        List<String> lines = Output.of("deadlock");
        assertEquals(List.of("fatal error: all goroutines are asleep - deadlock!", ""),
                lines.subList(0, 2));
        assertEquals(List.of("", "sum of squares: 14"),
                lines.subList(lines.size() - 2, lines.size()));
        List<String> dump = lines.subList(2, lines.size() - 2);
        assertTrue(dump.get(0).matches("goroutine [0-9]+ \\[chan receive\\]:"), lines::toString);
        assertTrue(dump.subList(1, dump.size()).stream().allMatch(l -> l.startsWith("\tat ")),
                lines::toString);
        assertTrue(dump.stream()
                .anyMatch(l -> l.startsWith("\tat " + Deadlock.class.getName() + ".sumOfSquares(")),
                lines::toString);
    }
}
