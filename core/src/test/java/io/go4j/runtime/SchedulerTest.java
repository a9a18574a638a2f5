package io.go4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.GoInterruptedException;
import io.go4j.RecvChan;
import io.go4j.Select;
import io.go4j.context.Context;
import io.go4j.sync.Mutex;
import io.go4j.sync.WaitGroup;
import io.go4j.time.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** go4j's own scheduler: its public surface, yielding, compensation for stuck workers, dumps. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SchedulerTest {

    @Test
    void testsRunOnGo4jsOwnCarriers() {
        assertEquals(Scheduler.Mode.GO4J, Scheduler.defaultScheduler().mode(),
                "surefire opens java.lang to io.go4j, so go4j's scheduler must be in use");
    }

    @Test
    void createdSchedulerRunsGoroutinesOnItsProcs() throws InterruptedException {
        try (Scheduler s = Scheduler.create(3)) {
            assertEquals(3, s.procs());
            Chan<Integer> results = Chan.make(100);
            for (int i = 0; i < 100; i++) {
                int n = i;
                s.go(() -> results.send(n * n));
            }
            long sum = 0;
            for (int i = 0; i < 100; i++) {
                sum += results.receive();
            }
            assertEquals(328_350, sum);
        }
    }

    @Test
    void goroutinesStartedFromAGoroutineStayOnItsScheduler() {
        try (Scheduler s = Scheduler.create(1)) {
            Chan<String> carrier = Chan.make(1);
            s.go(() -> Go.go(() -> carrier.send(Thread.currentThread().toString())));
            String where = carrier.receive();
            assertTrue(where.contains("go4j-"), where);
        }
    }

    @Test
    void numGoroutineCountsLiveGoroutines() {
        try (Scheduler s = Scheduler.create(2)) {
            Chan<Void> release = Chan.make();
            WaitGroup started = new WaitGroup();
            started.add(10);
            for (int i = 0; i < 10; i++) {
                s.go(() -> {
                    started.done();
                    release.receive();
                });
            }
            started.await();
            assertEquals(10, s.numGoroutine());
            release.close();
            while (s.numGoroutine() != 0) {
                assertFalse(Thread.currentThread().isInterrupted(),
                        "goroutines left: " + s.numGoroutine());
                Thread.yield(); // the goroutines are on their way out
            }
        }
    }

    @Test
    void closeInterruptsBlockedGoroutinesAndWaitsForThem() {
        Scheduler s = Scheduler.create(2);
        AtomicInteger interrupted = new AtomicInteger();
        WaitGroup blocked = new WaitGroup();
        blocked.add(4);
        Chan<Integer> never = Chan.make();
        for (int i = 0; i < 4; i++) {
            s.go(() -> {
                blocked.done();
                try {
                    never.receive();
                } catch (GoInterruptedException e) {
                    interrupted.incrementAndGet();
                }
            });
        }
        blocked.await();
        s.close();
        assertEquals(4, interrupted.get(), "close returns once every goroutine has ended");
        assertEquals(0, s.numGoroutine());
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> s.go(() -> { }));
        assertEquals("scheduler closed", refused.getMessage());
        s.close();
    }

    /**
     * A scheduler closed while its goroutines stream values to a goroutine of another scheduler:
     * every send either delivered its value once or, interrupted, delivered nothing.
     */
    @Test
    void closingMidFlightLosesAndDuplicatesNothing() throws InterruptedException {
        Scheduler s = Scheduler.create(2);
        Chan<Long> ch = Chan.make();
        Chan<Void> quit = Chan.make();
        Set<Long> delivered = ConcurrentHashMap.newKeySet();
        AtomicInteger received = new AtomicInteger();
        Thread consumer = Go.go(() -> {
            while (Select.select(Select.recv(ch, v -> {
                delivered.add(v);
                received.incrementAndGet();
            }), Select.recv(quit)) == 0) {
                // until quit is closed
            }
        });
        Set<Long> sent = ConcurrentHashMap.newKeySet();
        for (long p = 0; p < 4; p++) {
            long producer = p;
            s.go(() -> {
                for (long i = 0; ; i++) {
                    long v = producer << 32 | i;
                    try {
                        ch.send(v);
                    } catch (GoInterruptedException e) {
                        return;
                    }
                    sent.add(v);
                }
            });
        }
        while (received.get() < 10_000) {
            assertFalse(Thread.currentThread().isInterrupted());
            Thread.yield();
        }
        s.close();
        assertEquals(0, s.numGoroutine());
        quit.close();
        consumer.join();
        assertEquals(sent, delivered);
        assertEquals(sent.size(), received.get(), "a value was delivered twice");
    }

    @Test
    void closeFromOwnGoroutineIsRefused() {
        try (Scheduler s = Scheduler.create(1)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Chan<Void> done = Chan.make();
            s.go(() -> {
                try {
                    s.close();
                } catch (IllegalStateException e) {
                    thrown.set(e);
                }
                done.close();
            });
            done.receive();
            assertTrue(thrown.get() instanceof IllegalStateException);
        }
    }

    @Test
    void defaultSchedulerCannotBeClosed() {
        assertThrows(IllegalStateException.class, () -> Scheduler.defaultScheduler().close());
    }

    @Test
    void createRejectsNonPositiveProcs() {
        assertThrows(IllegalArgumentException.class, () -> Scheduler.create(0));
    }

    /** With one proc, a goroutine spinning on gosched() must let the goroutine it waits for run. */
    @Test
    void goschedLetsOtherGoroutinesRunOnOneProc() {
        try (Scheduler s = Scheduler.create(1)) {
            AtomicBoolean flag = new AtomicBoolean();
            Chan<Void> done = Chan.make();
            s.go(() -> {
                s.go(() -> flag.set(true));
                while (!flag.get()) {
                    Go.gosched();
                }
                done.close();
            });
            done.receive();
        }
    }

    /**
     * Every worker is pinned by a goroutine that never blocks: only a compensating worker added
     * by sysmon can run the goroutine that releases them. Once they are released, the
     * compensating worker retires.
     */
    @Test
    void workProgressesWhileEveryProcIsPinned() throws InterruptedException {
        try (Scheduler s = Scheduler.create(2)) {
            AtomicBoolean release = new AtomicBoolean();
            CountDownLatch pinned = new CountDownLatch(2);
            CountDownLatch released = new CountDownLatch(2);
            for (int i = 0; i < 2; i++) {
                s.go(() -> {
                    pinned.countDown();
                    while (!release.get()) {
                        Thread.onSpinWait();
                    }
                    released.countDown();
                });
            }
            pinned.await();
            s.go(() -> release.set(true));
            assertTrue(released.await(20, TimeUnit.SECONDS),
                    "no worker came to run the releasing goroutine");
            while (Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().contains("-spare-"))) {
                assertFalse(Thread.currentThread().isInterrupted(),
                        "the compensating worker did not retire");
                Thread.yield(); // spares retire once no worker is stuck and they find nothing to do
            }
        }
    }

    /**
     * Spares come and go (both workers pinned until a goroutine run by a spare releases them)
     * while goroutines wake each other through a Mutex, so a goroutine waking a worker from
     * inside the pool meets a spare taking the pool's idle lock to retire. The pool once parked
     * such a goroutine on that lock, holding the one spinning token, and the retiring spare then
     * queued it on its own runnext and exited: that goroutine never ran again and no worker was
     * ever woken after it (CondTest hung CI that way). Every round must finish.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sparesRetiringWhileGoroutinesWakeWorkersLoseNoGoroutine() throws InterruptedException {
        try (Scheduler s = Scheduler.create(2)) {
            for (int round = 0; round < 2000; round++) {
                AtomicBoolean release = new AtomicBoolean();
                CountDownLatch done = new CountDownLatch(2 + 64);
                for (int i = 0; i < 2; i++) {
                    s.go(() -> {
                        while (!release.get()) {
                            Thread.onSpinWait();
                        }
                        done.countDown();
                    });
                }
                Mutex mu = new Mutex();
                for (int i = 0; i < 64; i++) {
                    s.go(() -> {
                        release.set(true);
                        for (int k = 0; k < 200; k++) {
                            mu.lock();
                            mu.unlock();
                        }
                        done.countDown();
                    });
                }
                assertTrue(done.await(20, TimeUnit.SECONDS),
                        "round " + round + " lost a goroutine:\n" + s.dump());
            }
        }
    }

    @Test
    void dumpShowsWaitReasonsAndStacks() {
        try (Scheduler s = Scheduler.create(2)) {
            Chan<Integer> in = Chan.make();
            Chan<Integer> out = Chan.make();
            Mutex mu = new Mutex();
            WaitGroup never = new WaitGroup();
            never.add(1);
            mu.lock();
            s.go(() -> in.receive());
            s.go(() -> out.send(1));
            s.go(() -> Select.select(Select.recv(Chan.make()), Select.send(Chan.make(), 1)));
            s.go(() -> Select.select());
            s.go(mu::lock);
            s.go(never::await);
            String dump = awaitDump(s, "[chan receive]:", "[chan send]:", "[select]:",
                    "[select (no cases)]:",
                    "[sync.Mutex.Lock]:", "[sync.WaitGroup.Wait]:");
            assertTrue(dump.contains("io.go4j.Chan.receive("), dump);
            assertTrue(dump.contains(
                    "io.go4j.runtime.SchedulerTest.lambda$dumpShowsWaitReasonsAndStacks"), dump);
            assertFalse(dump.contains("io.go4j.internal."),
                    "go4j's internal frames are left out:\n" + dump);
            assertTrue(dump.matches("(?s)goroutine \\d+ \\[.*"), dump);
            mu.unlock();
        }
    }

    @Test
    void dumpShowsARunningGoroutine() {
        try (Scheduler s = Scheduler.create(1)) {
            AtomicBoolean stop = new AtomicBoolean();
            s.go(() -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            });
            awaitDump(s, "[running]:");
            stop.set(true);
        }
    }

    /**
     * A platform thread keeps starting goroutines that block while another thread closes the
     * scheduler: close must find and interrupt every one of them, however the two race.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void closeRacingGoroutineStartsEndsThemAll() throws InterruptedException {
        for (int trial = 0; trial < 40; trial++) {
            Scheduler s = Scheduler.create(2);
            Chan<Integer> never = Chan.make();
            AtomicInteger started = new AtomicInteger();
            AtomicReference<Throwable> refusal = new AtomicReference<>();
            Thread starter = Thread.ofPlatform().start(() -> {
                try {
                    while (true) {
                        s.go(never::receive);
                        started.incrementAndGet();
                    }
                } catch (IllegalStateException e) {
                    refusal.set(e);
                }
            });
            while (started.get() < trial % 8) {
                Thread.onSpinWait();
            }
            s.close();
            starter.join();
            assertEquals("scheduler closed", refusal.get().getMessage());
            assertEquals(0, s.numGoroutine());
        }
    }

    /**
     * Timers made on a scheduler outlive it: a {@code Time.after} channel still delivers, and a
     * context deadline still cancels, after the scheduler that made them closed.
     */
    @Test
    void timersMadeOnAClosedSchedulerStillFire() {
        Chan<Object[]> made = Chan.make(1);
        Object[] timers;
        try (Scheduler s = Scheduler.create(1)) {
            s.go(() -> {
                Time.sleep(Duration.ofMillis(1));
                made.send(new Object[] {Time.after(Duration.ofMillis(200)),
                    Context.withTimeout(Context.background(), Duration.ofMillis(200)).ctx()});
            });
            timers = made.receive();
        }
        @SuppressWarnings("unchecked")
        RecvChan<Instant> after = (RecvChan<Instant>) timers[0];
        Context ctx = (Context) timers[1];
        assertNotNull(after.receive());
        ctx.done().receive();
        assertEquals("context deadline exceeded", ctx.err().getMessage());
    }

    @Test
    void aSelectOnNilChannelsDumpsAsSelect() {
        try (Scheduler s = Scheduler.create(1)) {
            s.go(() -> Select.select(Select.recv(null), Select.send(null, 1)));
            String dump = awaitDump(s, "[select]:");
            assertFalse(dump.contains("(no cases)"), dump);
        }
    }

    /**
     * Polls the dump until it holds every fragment: the goroutines get there in their own time.
     * JUnit's timeout interrupts the test thread; the dump it then fails with shows what was
     * missing.
     */
    static String awaitDump(Scheduler s, String... fragments) {
        while (true) {
            String dump = s.dump();
            boolean all = true;
            for (String f : fragments) {
                all &= dump.contains(f);
            }
            if (all) {
                return dump;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("the dump lacks one of " + List.of(fragments) + ":\n"
                        + dump);
            }
            Thread.yield();
        }
    }
}
