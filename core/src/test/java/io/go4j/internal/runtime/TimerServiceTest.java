package io.go4j.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.GoInterruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The timer heap, lazy channel timers, and what deadlock detection asks of it. */
@Timeout(20)
class TimerServiceTest {

    private static final long HOUR = Duration.ofHours(1).toNanos();

    @Test
    void hasPendingTracksQueuedTimers() throws InterruptedException {
        TimerService s = new TimerService();
        assertFalse(s.hasPending());
        FuncTimer f = new FuncTimer(s, () -> { });
        f.reset(HOUR, 0);
        assertTrue(s.hasPending(), "an armed function timer");
        assertTrue(f.stop());
        assertFalse(s.hasPending());

        ChanTimer t = new ChanTimer(s);
        t.reset(HOUR, 0);
        assertFalse(s.hasPending(), "a channel timer that nobody waits for");
        Thread receiver = Thread.ofPlatform().start(() -> t.c().receive());
        while (!s.hasPending()) {
            Thread.onSpinWait();
        }
        t.reset(0, 0);
        receiver.join();
        awaitNothingPending(s);
    }

    /** The timer thread may still be finishing a firing whose value was received already. */
    private static void awaitNothingPending(TimerService s) {
        while (s.hasPending()) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aReceiverThatStopsWaitingTakesTheTimerOutOfTheHeap() throws InterruptedException {
        TimerService s = new TimerService();
        ChanTimer t = new ChanTimer(s);
        t.reset(HOUR, 0);
        Thread receiver = Thread.ofPlatform().start(() -> {
            try {
                t.c().receive();
            } catch (GoInterruptedException expected) {
                return;
            }
            throw new AssertionError("received");
        });
        while (!s.hasPending()) {
            Thread.onSpinWait();
        }
        receiver.interrupt();
        receiver.join();
        assertFalse(s.hasPending());
        assertTrue(t.stop(), "still armed");
    }

    @Test
    void aDueTimerFiresWhenPolled() {
        TimerService s = new TimerService();
        ChanTimer t = new ChanTimer(s);
        t.reset(0, 0);
        assertFalse(s.hasPending(), "not queued: nobody waits");
        assertNotNull(t.c().tryReceive(), "a poll fires the due timer itself");
        assertFalse(t.stop(), "fired and received");
    }

    @Test
    void timersNobodyWaitsForAreNotQueuedAndAWaitedOneFires() {
        TimerService s = new TimerService();
        for (int i = 0; i < 5000; i++) {
            new ChanTimer(s).reset(HOUR, 0);
        }
        assertFalse(s.hasPending());
        ChanTimer live = new ChanTimer(s);
        live.reset(Duration.ofMillis(50).toNanos(), 0);
        live.c().receive();
        awaitNothingPending(s);
    }

    /** Records, on the timer thread, the due time it was armed for. */
    private static final class Recording extends RuntimeTimer {
        final long due;
        final Chan<Long> fired;

        Recording(TimerService s, long delayNanos, Chan<Long> fired) {
            super(s, false);
            this.fired = fired;
            reset(delayNanos, 0);
            this.due = when();
        }

        @Override
        protected void fire(long lateNanos) {
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
            Recording t = new Recording(s, Duration.ofMillis(20 + rnd.nextInt(100)).toNanos(),
                    fired);
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
            assertTrue(due >= previous, "fired out of due order");
            previous = due;
        }
        assertEquals(0, fired.len());
    }

    @Test
    void periodOverflowDoesNotStopOtherTimers() {
        TimerService s = new TimerService();
        ChanTimer big = new ChanTimer(s);
        big.reset(0, Long.MAX_VALUE);
        big.c().receive();
        ChanTimer small = new ChanTimer(s);
        small.reset(Duration.ofMillis(10).toNanos(), 0);
        small.c().receive();
        big.stop();
    }
}
