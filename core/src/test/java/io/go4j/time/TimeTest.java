package io.go4j.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.GoInterruptedException;
import io.go4j.RecvChan;
import io.go4j.Select;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's {@code time/sleep_test.go} (timers, {@code After}, {@code AfterFunc}, {@code Sleep}),
 * ported without its wall-clock-precision checks, plus Go 1.23's guarantees for {@code Stop} and
 * {@code Reset}: no stale value is received once they return.
 */
class TimeTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration BIG = Duration.ofNanos(Long.MAX_VALUE);

    /** Go's TestSleep, without Go's Interrupt: Sleep lasts at least as long as asked. */
    @Test
    @Timeout(20)
    void testSleep() {
        Duration delay = Duration.ofMillis(100);
        long start = System.nanoTime();
        Time.sleep(delay);
        assertTrue(System.nanoTime() - start >= delay.toNanos(), "slept less than " + delay);
    }

    @Test
    @Timeout(20)
    void sleepOfZeroOrLessReturnsAtOnce() {
        Time.sleep(Duration.ZERO);
        Time.sleep(Duration.ofNanos(-1));
        Time.sleep(Duration.ofSeconds(Long.MIN_VALUE));
    }

    @Test
    @Timeout(20)
    void interruptedSleepThrowsAndKeepsTheInterruptStatus() throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread g = Go.go(() -> {
            try {
                Time.sleep(HOUR);
                outcome.set("returned");
            } catch (GoInterruptedException e) {
                outcome.set(Thread.currentThread().isInterrupted());
            }
        });
        while (g.getState() != Thread.State.WAITING) {
            assertFalse(Thread.currentThread().isInterrupted(), "the goroutine never parked");
            Thread.onSpinWait();
        }
        g.interrupt();
        g.join();
        assertEquals(true, outcome.get());
    }

    /** Go's TestAfterFunc: a chain of ten AfterFunc(0) calls, each started by the previous. */
    @Test
    @Timeout(20)
    void testAfterFunc() {
        AtomicInteger i = new AtomicInteger(10);
        Chan<Boolean> c = Chan.make();
        Runnable[] f = new Runnable[1];
        f[0] = () -> {
            if (i.decrementAndGet() >= 0) {
                Time.afterFunc(Duration.ZERO, f[0]);
            } else {
                c.send(true);
            }
        };
        Time.afterFunc(Duration.ZERO, f[0]);
        assertTrue(c.receive());
    }

    @Test
    @Timeout(20)
    void afterFuncRunsInAGoroutineAndHasNoChannel() {
        Chan<Thread> c = Chan.make(1);
        Timer t = Time.afterFunc(Duration.ofMillis(1), () -> c.send(Thread.currentThread()));
        assertNull(t.c());
        Thread runner = c.receive();
        assertTrue(runner.isVirtual(), "AfterFunc's function runs in a goroutine");
    }

    /** Go's TestAfter: the value received is not before the start plus the delay. */
    @Test
    @Timeout(20)
    void testAfter() {
        Duration delay = Duration.ofMillis(100);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Instant end = Time.after(delay).receive();
        assertTrue(System.nanoTime() - t0 >= delay.toNanos(), "After returned early");
        // Instant.now() may be a little coarser than nanoTime: allow one millisecond.
        assertFalse(end.isBefore(start.plus(delay).minusMillis(1)),
                "After sent " + end + ", started " + start);
    }

    /** Go's TestAfterTick, with only the lower bound (the upper one measures the machine). */
    @Test
    @Timeout(20)
    void testAfterTick() {
        Duration delta = Duration.ofMillis(10);
        long t0 = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            Time.after(delta).receive();
        }
        assertTrue(System.nanoTime() - t0 >= 10 * delta.toNanos());
    }

    /** Go's TestAfterStop: stopped timers neither send nor call, even after a later one fired. */
    @Test
    @Timeout(20)
    void testAfterStop() {
        Time.afterFunc(Duration.ofMillis(100), () -> { });
        Timer t0 = Time.newTimer(Duration.ofMillis(50));
        Chan<Boolean> c1 = Chan.make(1);
        Timer t1 = Time.afterFunc(Duration.ofMillis(150), () -> c1.send(true));
        RecvChan<Instant> c2 = Time.after(Duration.ofMillis(200));
        assertTrue(t0.stop(), "failed to stop event 0");
        assertTrue(t1.stop(), "failed to stop event 1");
        c2.receive();
        assertNull(t0.c().tryReceive(), "event 0 was not stopped");
        assertNull(c1.tryReceive(), "event 1 was not stopped");
        assertFalse(t1.stop(), "Stop returned true twice");
    }

    /**
     * Go's TestAfterQueuing, without its timing checks: timers fire in the order of their delays
     * (the times they send are ordered as their delays, whatever order their receivers run in).
     */
    @Test
    @Timeout(20)
    void testAfterQueuing() {
        int[] slots = {5, 3, 6, 6, 6, 1, 1, 2, 7, 9, 4, 8, 0};
        Duration delta = Duration.ofMillis(20);
        Chan<Fired> result = Chan.make(slots.length);
        List<RecvChan<Instant>> afters = new ArrayList<>();
        for (int slot : slots) {
            afters.add(Time.after(delta.multipliedBy(slot)));
        }
        for (int i = 0; i < slots.length; i++) {
            int slot = slots[i];
            RecvChan<Instant> after = afters.get(i);
            Go.go(() -> result.send(new Fired(slot, after.receive())));
        }
        Instant[] sent = new Instant[10];
        for (int i = 0; i < slots.length; i++) {
            Fired f = result.receive();
            sent[f.slot] = f.at;
        }
        for (int slot = 1; slot < sent.length; slot++) {
            assertTrue(sent[slot].isAfter(sent[slot - 1]),
                    "slot " + slot + " fired before slot " + (slot - 1));
        }
    }

    private record Fired(int slot, Instant at) {
    }

    /** Go's TestTimerStopStress, shortened: 100 AfterFunc timers stopped before they fire. */
    @Test
    @Timeout(20)
    void testTimerStopStress() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        List<Thread> gs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            gs.add(Go.go(() -> {
                Timer t = Time.afterFunc(Duration.ofMillis(500), fired::incrementAndGet);
                Time.sleep(Duration.ofMillis(100));
                assertTrue(t.stop());
            }));
        }
        for (Thread g : gs) {
            g.join();
        }
        Time.sleep(Duration.ofMillis(600)); // gives a wrongly unstopped timer the chance to fire
        assertEquals(0, fired.get());
    }

    /** Go's TestSleepZeroDeadlock: Sleep(0) between channel operations while the GC runs. */
    @Test
    @Timeout(20)
    void testSleepZeroDeadlock() throws Exception {
        Thread gc = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 20; i++) {
                System.gc();
            }
        });
        for (int i = 0; i < 100; i++) {
            Time.sleep(Duration.ZERO);
            Chan<Boolean> tmp = Chan.make(1);
            tmp.send(true);
            tmp.receive();
        }
        gc.join();
    }

    /** Go's TestReset: with ever larger units until the machine keeps up. */
    @Test
    @Timeout(30)
    void testReset() {
        String err = null;
        for (int unit : new int[] {25, 75, 175, 375}) {
            err = reset(Duration.ofMillis(unit));
            if (err == null) {
                return;
            }
        }
        fail(err);
    }

    private static String reset(Duration d) {
        Timer t0 = Time.newTimer(d.multipliedBy(2));
        Time.sleep(d);
        if (!t0.reset(d.multipliedBy(3))) {
            return "resetting unfired timer returned false";
        }
        Time.sleep(d.multipliedBy(2));
        if (t0.c().tryReceive() != null) {
            return "timer fired early";
        }
        Time.sleep(d.multipliedBy(2));
        if (t0.c().tryReceive() == null) {
            return "reset timer did not fire";
        }
        if (t0.reset(Duration.ofMillis(50))) {
            return "resetting expired timer returned true";
        }
        return null;
    }

    /** Go's TestOverflowSleep: durations that overflow mean "never", very negative ones "now". */
    @Test
    @Timeout(20)
    void testOverflowSleep() throws Exception {
        AtomicBoolean returned = new AtomicBoolean();
        Thread sleeper = Go.go(() -> {
            try {
                Time.sleep(BIG);
                returned.set(true);
            } catch (GoInterruptedException expected) {
                // the test is over
            }
        });
        int chosen = Select.select(
                Select.recv(Time.after(BIG)),
                Select.recv(Time.after(Duration.ofMillis(25))));
        assertEquals(1, chosen, "big timeout fired");
        for (Duration huge : List.of(Duration.ofSeconds(Long.MAX_VALUE),
                Duration.ofDays(1_000_000_000L))) {
            assertEquals(1, Select.select(Select.recv(Time.after(huge)),
                    Select.recv(Time.after(Duration.ofMillis(1)))));
        }
        Duration neg = Duration.ofNanos(Long.MIN_VALUE);
        Time.sleep(neg);
        assertEquals(0, Select.select(Select.recv(Time.after(neg)),
                Select.recv(Time.after(Duration.ofSeconds(10)))),
                "negative timeout didn't fire");
        assertFalse(returned.get(), "big sleep returned");
        sleeper.interrupt();
        sleeper.join();
        assertFalse(returned.get(), "big sleep returned");
    }

    /** Go's TestZeroTimer, shortened: a zero timer is never missed. */
    @Test
    @Timeout(20)
    void testZeroTimer() {
        for (int i = 0; i < 10_000; i++) {
            assertNotNull(Time.newTimer(Duration.ZERO).c().receive());
        }
    }

    /** Go's TestTimerModifiedEarlier: moving a timer earlier many times does not lose it. */
    @Test
    @Timeout(30)
    void testTimerModifiedEarlier() {
        Duration past = Duration.between(Instant.now(), Instant.EPOCH);
        for (int i = 0; i < 1000; i++) {
            Timer timer = Time.newTimer(HOUR);
            for (int j = 0; j < 10; j++) {
                if (!timer.stop()) {
                    timer.c().receive();
                }
                timer.reset(past);
            }
            Timer deadline = Time.newTimer(Duration.ofSeconds(10));
            int chosen = Select.select(Select.recv(timer.c()), Select.recv(deadline.c()));
            deadline.stop();
            assertEquals(0, chosen, "deadline expired");
        }
    }

    /** Go's TestAdjustTimers: moving timers earlier and later at random loses none of them. */
    @Test
    @Timeout(30)
    void testAdjustTimers() {
        Random rnd = new Random();
        Timer[] timers = new Timer[100];
        int[] states = new int[timers.length];
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < timers.length; i++) {
            indices.add(i);
        }
        java.util.Collections.shuffle(indices, rnd);
        while (!indices.isEmpty()) {
            int ii = rnd.nextInt(indices.size());
            int i = indices.get(ii);
            Timer timer = timers[i];
            int state = states[i]++;
            switch (state) {
                case 0 -> timers[i] = Time.newTimer(Duration.ZERO);
                case 1 -> timer.c().receive();
                case 2 -> assertFalse(timer.reset(Duration.ofMinutes(1)),
                        "shouldn't be active (1)");
                case 4 -> assertFalse(timer.reset(Duration.ofMinutes(3)),
                        "shouldn't be active (3)");
                case 6 -> assertFalse(timer.reset(Duration.ofMinutes(2)),
                        "shouldn't be active (2)");
                case 3, 5, 7 -> assertTrue(timer.stop(), "a long timer must still be active");
                case 8 -> assertFalse(timer.reset(Duration.ZERO), "timer.Reset returned true");
                case 9 -> timer.c().receive();
                default -> {
                    indices.set(ii, indices.get(indices.size() - 1));
                    indices.remove(indices.size() - 1);
                }
            }
        }
    }

    // ---- Go 1.23: no stale values after Stop or Reset ----

    @Test
    @Timeout(20)
    void stopAfterFiringTakesBackTheUnreceivedValue() {
        long armed = System.nanoTime();
        Timer t = Time.newTimer(Duration.ZERO);
        awaitDue(armed, Duration.ZERO);
        assertTrue(t.stop(), "the value was not received: Stop must report the timer stopped");
        assertNull(t.c().tryReceive(), "stale value received after Stop");
        assertFalse(t.stop());
    }

    @Test
    @Timeout(20)
    void resetAfterFiringTakesBackTheUnreceivedValue() {
        long armed = System.nanoTime();
        Timer t = Time.newTimer(Duration.ZERO);
        awaitDue(armed, Duration.ZERO);
        assertTrue(t.reset(HOUR), "the value was not received: Reset must report the timer active");
        assertNull(t.c().tryReceive(), "stale value received after Reset");
        Instant before = Instant.now();
        t.reset(Duration.ofMillis(20));
        assertFalse(t.c().receive().isBefore(before), "the value must come from the new setting");
    }

    @Test
    @Timeout(20)
    void stopAfterReceiveReportsFalse() {
        Timer t = Time.newTimer(Duration.ZERO);
        t.c().receive();
        assertFalse(t.stop());
        assertFalse(t.reset(HOUR));
        assertTrue(t.stop());
    }

    @Test
    @Timeout(20)
    void stopRacingTheFiringNeverLeavesAValue() {
        for (int i = 0; i < 2000; i++) {
            Timer t = Time.newTimer(Duration.ofNanos(i % 50 * 1000));
            boolean stopped = t.stop();
            assertNull(t.c().tryReceive(), "stale value after Stop returned " + stopped);
        }
    }

    @Test
    @Timeout(20)
    void afterFuncTimerCanBeReset() {
        Chan<Integer> c = Chan.make(2);
        Timer t = Time.afterFunc(HOUR, () -> c.send(1));
        assertTrue(t.reset(Duration.ZERO));
        assertEquals(1, c.receive());
        assertFalse(t.reset(Duration.ZERO), "it fired: Reset must report it inactive");
        assertEquals(1, c.receive());
    }

    /**
     * Waits, without receiving, until a timer armed at {@code armedNanos} ({@link System#nanoTime})
     * to fire after {@code d} is due: it has fired, or (a channel timer nobody waits for, as in
     * Go 1.23) fires as soon as its channel is looked at. Either way, stopping or resetting it
     * now must hide its value.
     */
    static void awaitDue(long armedNanos, Duration d) {
        while (System.nanoTime() - armedNanos <= d.toNanos()) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
