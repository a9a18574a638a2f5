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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Go.main(() -> {
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
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Go.main(() -> {
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
            assertEquals(2, numGoroutine.receive(), "the setter and the function's goroutine, both on the scheduler");
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
        DeadlockException e = assertThrows(DeadlockException.class, () -> Go.main(() -> Chan.<Integer>make().send(1)));
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
        for (String reason : new String[] {"[sync.Mutex.Lock]:", "[chan receive]:", "[select]:", "[sync.WaitGroup.Wait]:"}) {
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
