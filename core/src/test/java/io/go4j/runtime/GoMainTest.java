package io.go4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.Select;
import io.go4j.sync.Mutex;
import io.go4j.sync.WaitGroup;
import io.go4j.time.Time;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Go.main}: Go's program semantics. Sleeps here only give the deadlock detector the
 * chance to misfire while a goroutine waits on something outside go4j.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GoMainTest {

    /** Long enough for sysmon to look at a program many times (it looks every 10 ms). */
    private static final long QUIET_MILLIS = 300;

    @Test
    void returnsWhenTheMainGoroutineReturns() {
        AtomicInteger sum = new AtomicInteger();
        Go.main(() -> {
            Chan<Integer> ch = Chan.make();
            Go.go(() -> {
                for (int i = 1; i <= 10; i++) {
                    ch.send(i);
                }
                ch.close();
            });
            for (int v : ch) {
                sum.addAndGet(v);
            }
        });
        assertEquals(55, sum.get());
    }

    @Test
    void bodyRunsInAGoroutine() {
        Go.main(() -> assertTrue(Thread.currentThread().isVirtual()));
    }

    @Test
    void anExceptionInAnyGoroutineEndsTheProgram() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown =
                assertThrows(IllegalStateException.class, () -> Go.main(() -> {
            Go.go(() -> Go.go(() -> {
                throw boom;
            }));
            Select.select(); // blocks forever: only the exception ends the program
        }));
        assertSame(boom, thrown);
    }

    @Test
    void anExceptionInAnAfterFuncEndsTheProgramThatSetTheTimer() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown =
                assertThrows(IllegalStateException.class, () -> Go.main(() -> {
            Time.afterFunc(Duration.ZERO, () -> {
                throw boom;
            });
            Select.select(); // blocks forever: only the exception ends the program
        }));
        assertSame(boom, thrown);
    }

    @Test
    void anAfterFuncRunsOnTheSchedulerOfTheGoroutineThatSetIt() throws InterruptedException {
        try (Scheduler s = Scheduler.create(1)) {
            Chan<Integer> numGoroutine = Chan.make(1);
            Chan<Void> release = Chan.make();
            s.go(() -> {
                Time.afterFunc(Duration.ZERO, () -> numGoroutine.send(s.numGoroutine()));
                release.receive();
            });
            assertEquals(2, numGoroutine.receive(),
                    "the setter and the function's goroutine, both on the scheduler");
            release.close();
        }
    }

    @Test
    void anExceptionInTheMainGoroutineIsRethrown() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Go.main(() -> {
            int zero = 0;
            System.out.println(1 / zero);
        }));
        assertEquals("/ by zero", e.getMessage());
    }

    @Test
    void goroutinesOnAnotherSchedulerBelongToTheProgram() {
        try (Scheduler other = Scheduler.create(1)) {
            IllegalArgumentException boom = new IllegalArgumentException("elsewhere");
            assertSame(boom, assertThrows(IllegalArgumentException.class, () -> Go.main(() -> {
                other.go(() -> {
                    throw boom;
                });
                Select.select();
            })));
        }
    }

    /** Go's classic: {@code ch <- 1} with nobody to receive. */
    @Test
    void unbufferedSendWithNoReceiverIsADeadlock() {
        long start = System.nanoTime();
        DeadlockException e =
                assertThrows(DeadlockException.class,
                        () -> Go.main(() -> Chan.<Integer>make().send(1)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("all goroutines are asleep - deadlock!", e.getMessage());
        assertTrue(e.dump().startsWith("goroutine "), e.dump());
        assertTrue(e.dump().contains("[chan send]:"), e.dump());
        assertTrue(e.toString().contains(e.dump()), "a printed stack trace shows the dump");
        assertTrue(millis < 1000, "detected after " + millis + " ms");
    }

    @Test
    void goroutinesWaitingForEachOtherAreADeadlock() {
        DeadlockException e = assertThrows(DeadlockException.class, () -> Go.main(() -> {
            Mutex mu = new Mutex();
            Chan<Integer> a = Chan.make();
            WaitGroup wg = new WaitGroup();
            wg.add(3);
            mu.lock();
            Go.go(() -> {
                mu.lock();
                wg.done();
            });
            Go.go(() -> {
                a.receive();
                wg.done();
            });
            Go.go(() -> {
                Select.select(Select.recv(a), Select.send(Chan.make(), 1));
                wg.done();
            });
            wg.await();
        }));
        String dump = e.dump();
        for (String reason : new String[] {"[sync.Mutex.Lock]:", "[chan receive]:", "[select]:",
                "[sync.WaitGroup.Wait]:"}) {
            assertTrue(dump.contains(reason), reason + " missing in\n" + dump);
        }
        assertEquals(4, dump.split("\n\n").length, dump);
    }

    @Test
    void aProgramWaitingForASleepingGoroutineIsNotDeadlocked() {
        Go.main(() -> {
            Chan<String> ch = Chan.make();
            Go.go(() -> {
                try {
                    Thread.sleep(QUIET_MILLIS);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                ch.send("awake");
            });
            assertEquals("awake", ch.receive());
        });
    }

    /** Every goroutine is blocked on a channel, but a timer will send on one of them. */
    @Test
    void aPendingTimerIsAPossibleWakeUp() {
        Go.main(() -> {
            Chan<Instant> never = Chan.make();
            Go.go(() -> never.receive());
            Time.after(Duration.ofMillis(QUIET_MILLIS)).receive();
        });
    }

    @Test
    void aGoroutineInTimeSleepIsNotAsleepAndDumpsAsSleep() {
        try (Scheduler s = Scheduler.create(1)) {
            Chan<Void> done = Chan.make();
            s.go(() -> {
                Time.sleep(Duration.ofHours(1));
                done.close();
            });
            SchedulerTest.awaitDump(s, "[sleep]:");
        }
    }

    @Test
    void aProgramWaitingForAParkedGoroutineIsNotDeadlocked() {
        Go.main(() -> {
            Chan<String> ch = Chan.make();
            Go.go(() -> {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS));
                ch.send("unparked");
            });
            assertEquals("unparked", ch.receive());
        });
    }

    /** The lock is released by a thread outside the program: the program must wait for it. */
    @Test
    void aProgramWaitingOnAJavaUtilConcurrentLockIsNotDeadlocked() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        Thread outsider = Thread.ofPlatform().start(() -> {
            lock.lock();
            held.countDown();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS));
            lock.unlock();
        });
        held.await();
        Go.main(() -> {
            Chan<String> ch = Chan.make();
            Go.go(() -> {
                lock.lock();
                lock.unlock();
                ch.send("locked");
            });
            assertEquals("locked", ch.receive());
        });
        outsider.join();
    }

    @Test
    void aProgramWaitingForIoIsNotDeadlocked() throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread writer = Thread.ofPlatform().start(() -> {
                try (Socket peer = server.accept()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS));
                    peer.getOutputStream().write(42);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            Go.main(() -> {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                    try (Socket socket = new Socket("localhost", server.getLocalPort());
                            InputStream in = socket.getInputStream()) {
                        ch.send(in.read());
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
                assertEquals(42, ch.receive());
            });
            writer.join();
        }
    }

    /** A platform thread started by main sleeps, then sends: the program waits for it. */
    @Test
    void aProgramWaitingForAPlatformThreadIsNotDeadlocked() {
        Go.main(() -> {
            Chan<String> ch = Chan.make();
            Thread.ofPlatform().start(() -> {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS));
                ch.send("from a thread");
            });
            assertEquals("from a thread", ch.receive());
        });
    }

    /** A callback API bridged into a channel: the callback runs in the common pool. */
    @Test
    void aProgramWaitingForACompletableFutureCallbackIsNotDeadlocked() {
        Go.main(() -> {
            Chan<Long> ch = Chan.make();
            CompletableFuture.supplyAsync(GoMainTest::computeForAWhile).thenAccept(ch::send);
            assertTrue(ch.receive() > 0);
        });
    }

    /** A goroutine started before the program, so not part of it, computes and then sends. */
    @Test
    void aProgramWaitingForAGoroutineOutsideItIsNotDeadlocked() {
        Chan<Long> ch = Chan.make();
        Go.go(() -> ch.send(computeForAWhile()));
        Go.main(() -> assertTrue(ch.receive() > 0));
    }

    /** Computes, never blocking, for {@link #QUIET_MILLIS}; returns how many rounds it made. */
    private static long computeForAWhile() {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);
        long rounds = 0;
        while (System.nanoTime() - until < 0) {
            rounds++;
        }
        return rounds;
    }

    /**
     * An idle thread of the common pool, JUnit's timeout watcher and Surefire's threads cannot
     * wake a program: a deadlock is still reported beside them.
     */
    @Test
    void idlePoolThreadsAndTheTestHarnessDoNotHideADeadlock() {
        CompletableFuture.runAsync(() -> { }).join();
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("ForkJoinPool.commonPool")),
                "a common-pool thread is alive");
        DeadlockException e =
                assertThrows(DeadlockException.class, () -> Go.main(() -> Chan.make().receive()));
        assertEquals("all goroutines are asleep - deadlock!", e.getMessage());
    }

    /** A plain {@code main}, in a JVM of its own: the deadlock is reported there too. */
    @Test
    void aDeadlockIsReportedInAPlainMain() throws IOException, InterruptedException {
        String out = SchedulingTest.runInOwnJvm(DeadlockingMain.class);
        assertTrue(out.contains("all goroutines are asleep - deadlock!"), out);
    }

    /**
     * When main returns, the program's goroutines still blocked are interrupted, and dying of
     * that is not reported; a goroutine outside the program is left alone.
     */
    @Test
    void mainReturningEndsTheProgramsGoroutines() throws InterruptedException {
        Chan<Void> outsideGate = Chan.make();
        Thread outsider = Go.go(outsideGate::receive);
        AtomicReference<Thread> blocked = new AtomicReference<>();
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            Go.main(() -> {
                Thread t = Go.go(() -> Chan.make().receive());
                blocked.set(t);
                SchedulingTest.awaitParked(t);
            });
            assertTrue(blocked.get().join(Duration.ofSeconds(10)),
                    "the program's goroutine still runs");
            assertTrue(reported.isEmpty(), () -> "reported: " + reported);
            assertTrue(outsider.isAlive(), "a goroutine outside the program was ended");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
            outsideGate.close();
        }
    }

    /** An exception thrown after main returned has no program to end: its handler gets it. */
    @Test
    void anExceptionAfterMainReturnedReachesTheHandler() throws Exception {
        AtomicBoolean mayThrow = new AtomicBoolean();
        CompletableFuture<Throwable> handled = new CompletableFuture<>();
        Go.main(() -> Go.go(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> handled.complete(e));
            while (!mayThrow.get()) {
                Thread.onSpinWait();
            }
            throw new IllegalStateException("late");
        }));
        mayThrow.set(true);
        assertEquals("late", handled.get(10, TimeUnit.SECONDS).getMessage());
    }

    /** Only the first exception ends the program; a later one goes to its goroutine's handler. */
    @Test
    void anExceptionAfterTheProgramFailedReachesTheHandler() throws Exception {
        AtomicBoolean mayThrow = new AtomicBoolean();
        CompletableFuture<Throwable> handled = new CompletableFuture<>();
        RuntimeException first = assertThrows(RuntimeException.class, () -> Go.main(() -> {
            Go.go(() -> {
                Thread.currentThread().setUncaughtExceptionHandler((t, e) -> handled.complete(e));
                while (!mayThrow.get()) {
                    Thread.onSpinWait();
                }
                throw new IllegalStateException("second");
            });
            throw new IllegalStateException("first");
        }));
        assertEquals("first", first.getMessage());
        mayThrow.set(true);
        assertEquals("second", handled.get(10, TimeUnit.SECONDS).getMessage());
    }

    /** Two programs at once: one deadlocks, the other, busy meanwhile, must not be blamed. */
    @Test
    void programsAreJudgedSeparately() throws InterruptedException {
        Chan<Void> release = Chan.make();
        Thread healthy = Thread.ofPlatform().start(() -> Go.main(() -> {
            Go.go(() -> {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS));
                release.close();
            });
            release.receive();
        }));
        assertThrows(DeadlockException.class, () -> Go.main(() -> Chan.make().receive()));
        healthy.join();
    }

    @Test
    void mainMayRunManyProgramsOneAfterAnother() {
        for (int i = 0; i < 200; i++) {
            int n = i;
            AtomicInteger seen = new AtomicInteger();
            Go.main(() -> {
                Chan<Integer> ch = Chan.make(1);
                Go.go(() -> ch.send(n));
                seen.set(ch.receive());
            });
            assertEquals(n, seen.get());
        }
    }
}
