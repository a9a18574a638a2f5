package io.go4j.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The timer heap, its clean-up of collected timers, and what deadlock detection asks of it. */
@Timeout(20)
class TimerServiceTest {

    private static final long HOUR = Duration.ofHours(1).toNanos();

    @Test
    void hasPendingTracksArmedTimersThatCanStillWakeSomething() {
        TimerService s = new TimerService();
        assertFalse(s.hasPending());
        FuncTimer f = new FuncTimer(s, () -> { });
        f.reset(HOUR, 0);
        assertTrue(s.hasPending(), "an armed function timer");
        assertTrue(f.stop());
        assertFalse(s.hasPending());

        Chan<Instant> c = Chan.make(1);
        ChanTimer t = new ChanTimer(s, c);
        t.reset(HOUR, 0);
        assertTrue(s.hasPending(), "a channel timer whose channel is referenced");
        t.stop();
        assertFalse(s.hasPending());

        new ChanTimer(s, Chan.make(1)).reset(HOUR, 0);
        for (int i = 0; i < 100 && s.hasPending(); i++) {
            System.gc();
        }
        assertFalse(s.hasPending(), "a channel timer whose channel is garbage wakes nobody");
    }

    @Test
    void collectedTimersAreSweptAndLiveOnesStillFire() {
        TimerService s = new TimerService();
        for (int i = 0; i < 5000; i++) {
            new ChanTimer(s, Chan.make(1)).reset(HOUR, 0);
        }
        Chan<Instant> live = Chan.make(1);
        new ChanTimer(s, live).reset(Duration.ofMillis(50).toNanos(), 0);
        System.gc();
        for (int i = 0; i < 5000; i++) {
            new ChanTimer(s, Chan.make(1)).reset(HOUR, 0);
        }
        live.receive();
    }

    /** Records, on the timer thread, the due time it was armed for. */
    private static final class Recording extends RuntimeTimer {
        final long due;
        final Chan<Long> fired;

        Recording(TimerService s, long delayNanos, Chan<Long> fired) {
            super(s, fired, false);
            this.fired = fired;
            this.due = s.nanoTime() + delayNanos;
            reset(delayNanos, 0);
        }

        @Override
        protected void fire(Object target, long lateNanos) {
            fired.trySend(due);
        }
    }

    /** Timers armed in random order with random delays, some stopped, fire in due order. */
    @Test
    void heapFiresInDueOrder() {
        TimerService s = new TimerService();
        Random rnd = new Random();
        int n = 500;
        Chan<Long> fired = Chan.make(n);
        List<Recording> stopped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Recording t = new Recording(s, Duration.ofMillis(20 + rnd.nextInt(100)).toNanos(), fired);
            if (i % 3 == 0) {
                stopped.add(t);
            }
        }
        for (Recording t : stopped) {
            assertTrue(t.stop());
        }
        long previous = 0;
        for (int i = 0; i < n - stopped.size(); i++) {
            long due = fired.receive();
            // The test's own reading of the clock differs from the service's by a few microseconds.
            assertTrue(due >= previous - 100_000, "fired out of due order");
            previous = Math.max(previous, due);
        }
        assertEquals(0, fired.len());
    }

    @Test
    void periodOverflowDoesNotStopOtherTimers() {
        TimerService s = new TimerService();
        Chan<Instant> big = Chan.make(1);
        ChanTimer t = new ChanTimer(s, big);
        t.reset(0, Long.MAX_VALUE);
        big.receive();
        Chan<Instant> small = Chan.make(1);
        new ChanTimer(s, small).reset(Duration.ofMillis(10).toNanos(), 0);
        small.receive();
        t.stop();
    }
}
