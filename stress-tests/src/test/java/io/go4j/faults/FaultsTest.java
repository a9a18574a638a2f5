package io.go4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.GoInterruptedException;
import io.go4j.Select;
import io.go4j.sync.Mutex;
import io.go4j.sync.Once;
import io.go4j.sync.RWMutex;
import io.go4j.sync.WaitGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults: bodies that throw, interrupt storms, {@link OutOfMemoryError} in a goroutine. The
 * library must stay consistent (no value lost or duplicated, no waiter left behind, locks
 * released), and each test states what the user sees.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultsTest {

    private static final int ROUNDS = 2_000;

    /** An exception thrown by a case body. */
    private static final class Boom extends RuntimeException {
        Boom(int value) {
            super("boom " + value, null, false, false);
        }
    }

    /**
     * A JVM-made OutOfMemoryError ("Requested array size exceeds VM limit") that leaves the heap
     * alone.
     */
    private static void allocateTooMuch() {
        long[] tooBig = new long[Integer.MAX_VALUE];
        tooBig[0] = 1;
    }

    /**
     * A receive case whose body throws: the user sees the exception come out of
     * {@code Select.select} (as a Go panic comes out of the case body), after the communication:
     * the value was received, exactly once. The select's other case leaves no waiter behind:
     * afterwards nobody waits on either channel.
     */
    @Test
    void selectBodyThrows() throws InterruptedException {
        Chan<Integer> a = Chan.make();
        Chan<Integer> b = Chan.make();
        List<Integer> got = new ArrayList<>();
        AtomicInteger thrown = new AtomicInteger();
        Thread receiver = Go.go(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                try {
                    Select.select(
                            Select.recv(a, (Integer v) -> {
                                got.add(v);
                                throw new Boom(v);
                            }),
                            Select.recv(b, (Integer v) -> got.add(-v)));
                } catch (Boom e) {
                    thrown.incrementAndGet();
                }
            }
        });
        for (int i = 0; i < ROUNDS; i++) {
            a.send(i);
        }
        receiver.join();
        assertEquals(ROUNDS, thrown.get());
        assertEquals(ROUNDS, got.size());
        for (int i = 0; i < ROUNDS; i++) {
            assertEquals(i, got.get(i));
        }
        assertFalse(a.trySend(-1), "a receiver still waits on a");
        assertFalse(b.trySend(-1), "a stale select case still waits on b");
    }

    /**
     * A send case whose body throws: the value was delivered before the body ran, so the
     * receiver has it although the sender saw an exception.
     */
    @Test
    void selectSendBodyThrows() throws InterruptedException {
        Chan<Integer> a = Chan.make(1);
        Chan<Integer> idle = Chan.make();
        for (int i = 0; i < ROUNDS; i++) {
            int v = i;
            assertThrows(Boom.class, () -> Select.select(
                    Select.send(a, v, () -> {
                        throw new Boom(v);
                    }),
                    Select.recv(idle)));
            assertEquals(v, a.receive());
        }
        assertFalse(idle.trySend(0), "a stale select case still waits on idle");
    }

    /**
     * An interrupt storm against a producer and a consumer that retry every interrupted
     * operation: an interrupted send delivered nothing and an interrupted receive consumed
     * nothing, so the consumer gets every value exactly once, in order. What the user sees:
     * {@link GoInterruptedException} from the interrupted operation, interrupt status set.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4})
    void interruptStormOnSendAndReceive(int capacity) throws InterruptedException {
        Chan<Integer> ch = Chan.make(capacity);
        AtomicInteger interrupted = new AtomicInteger();
        Thread producer = Go.go(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                for (;;) {
                    try {
                        ch.send(i);
                        break;
                    } catch (GoInterruptedException e) {
                        assertTrue(Thread.interrupted(),
                                "interrupt status cleared by the exception");
                        interrupted.incrementAndGet();
                    }
                }
            }
        });
        List<Integer> got = new ArrayList<>();
        Thread consumer = Go.go(() -> {
            while (got.size() < ROUNDS) {
                try {
                    got.add(ch.receive());
                } catch (GoInterruptedException e) {
                    Thread.interrupted();
                    interrupted.incrementAndGet();
                }
            }
        });
        storm(producer, consumer);
        assertEquals(ROUNDS, got.size());
        for (int i = 0; i < ROUNDS; i++) {
            assertEquals(i, got.get(i));
        }
        assertTrue(ch.tryReceive() == null, "a value was delivered twice");
        System.out.println("cap " + capacity + ": " + interrupted.get()
                + " operations interrupted");
    }

    /** The same storm against two selects exchanging values over two channels. */
    @Test
    void interruptStormOnSelects() throws InterruptedException {
        Chan<Integer> a = Chan.make();
        Chan<Integer> b = Chan.make(2);
        Thread producer = Go.go(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                for (;;) {
                    try {
                        Select.select(Select.send(a, i), Select.send(b, i));
                        break;
                    } catch (GoInterruptedException e) {
                        Thread.interrupted();
                    }
                }
            }
        });
        List<Integer> got = new ArrayList<>();
        Thread consumer = Go.go(() -> {
            while (got.size() < ROUNDS) {
                try {
                    Select.select(Select.recv(a, (Integer v) -> got.add(v)),
                            Select.recv(b, (Integer v) -> got.add(v)));
                } catch (GoInterruptedException e) {
                    Thread.interrupted();
                }
            }
        });
        storm(producer, consumer);
        assertEquals(ROUNDS, got.size());
        assertEquals(ROUNDS, got.stream().distinct().count(), "a value was received twice");
        assertTrue(a.tryReceive() == null && b.tryReceive() == null, "a value was left behind");
    }

    /**
     * Mutex under an interrupt storm: an interrupted lock() acquired nothing, so no increment is
     * lost.
     */
    @Test
    void interruptStormOnMutex() throws InterruptedException {
        Mutex mu = new Mutex();
        int[] counter = {0};
        Thread[] lockers = new Thread[4];
        for (int t = 0; t < lockers.length; t++) {
            lockers[t] = Go.go(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    for (;;) {
                        try {
                            mu.lock();
                            break;
                        } catch (GoInterruptedException e) {
                            Thread.interrupted();
                        }
                    }
                    counter[0]++;
                    mu.unlock();
                }
            });
        }
        storm(lockers);
        assertTrue(mu.tryLock(), "the mutex was left locked");
        assertEquals(lockers.length * ROUNDS, counter[0]);
    }

    /**
     * RWMutex under an interrupt storm, writers and readers on goroutines: every interrupted
     * {@code lock()} or {@code rLock()} acquired nothing and left nothing behind (no reader count,
     * no pending writer), so no writer's increment is lost, no reader sees a writer inside, and
     * the lock is free at the end.
     */
    @Test
    void interruptStormOnRWMutex() throws InterruptedException {
        RWMutex rw = new RWMutex();
        int[] counter = {0};
        AtomicInteger readersInWithWriter = new AtomicInteger();
        AtomicBoolean writerIn = new AtomicBoolean();
        Thread[] lockers = new Thread[6];
        for (int t = 0; t < lockers.length; t++) {
            boolean writes = t % 3 == 0;
            lockers[t] = Go.go(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    for (;;) {
                        try {
                            if (writes) {
                                rw.lock();
                            } else {
                                rw.rLock();
                            }
                            break;
                        } catch (GoInterruptedException e) {
                            Thread.interrupted();
                        }
                    }
                    if (writes) {
                        writerIn.set(true);
                        counter[0]++;
                        writerIn.set(false);
                        rw.unlock();
                    } else {
                        if (writerIn.get()) {
                            readersInWithWriter.incrementAndGet();
                        }
                        rw.rUnlock();
                    }
                }
            });
        }
        storm(lockers);
        assertEquals(0, readersInWithWriter.get(), "readers got in while a writer held the lock");
        assertTrue(rw.tryLock(), "the RWMutex was left locked: " + rw);
        assertEquals(2 * ROUNDS, counter[0]);
    }

    /**
     * Interrupts the threads at random until all of them have finished. The pause only spaces
     * the interrupts out; nothing depends on it.
     */
    private static void storm(Thread... threads) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        Thread stormer = Thread.ofPlatform().start(() -> {
            int k = 0;
            while (!done.get()) {
                threads[k++ % threads.length].interrupt();
                LockSupport.parkNanos(20_000);
            }
        });
        for (Thread t : threads) {
            t.join();
        }
        done.set(true);
        stormer.join();
    }

    /**
     * An OutOfMemoryError in a select's case body, after a receive: it comes out of
     * {@code Select.select} like any exception; the channel stays usable and nothing waits on it.
     * In a goroutine left uncaught, it ends that goroutine only (the JDK's uncaught-exception
     * handler prints it); the others go on.
     */
    @Test
    void outOfMemoryInSelectBody() throws InterruptedException {
        Chan<Integer> ch = Chan.make();
        AtomicInteger errors = new AtomicInteger();
        Thread receiver = Go.go(() -> {
            try {
                Select.select(Select.recv(ch, (Integer v) -> allocateTooMuch()));
            } catch (OutOfMemoryError e) {
                errors.incrementAndGet();
            }
        });
        ch.send(1);
        receiver.join();
        assertEquals(1, errors.get());
        assertFalse(ch.trySend(2), "the failed select left a waiter behind");
        Thread next = Go.go(() -> assertEquals(3, ch.receive()));
        ch.send(3);
        next.join();
    }

    /** WaitGroup.go: a body that throws OutOfMemoryError still counts down; await() returns. */
    @Test
    void outOfMemoryInWaitGroupGoroutine() {
        WaitGroup wg = new WaitGroup();
        // Keeps the expected errors out of the test output; one thrown before the handler is set
        // goes to the default handler, which prints it.
        Thread.UncaughtExceptionHandler quiet = (t, e) -> { };
        for (int i = 0; i < 10; i++) {
            wg.go(FaultsTest::allocateTooMuch).setUncaughtExceptionHandler(quiet);
        }
        wg.await();
    }

    /**
     * Once: an action that throws OutOfMemoryError still counts as done (Go: "if f panics, Do
     * considers it to have returned"); the error reaches the first caller only. OnceValue: every
     * call rethrows the same error.
     */
    @Test
    void outOfMemoryInOnce() {
        Once once = new Once();
        assertThrows(OutOfMemoryError.class, () -> once.run(FaultsTest::allocateTooMuch));
        AtomicBoolean ranAgain = new AtomicBoolean();
        once.run(() -> ranAgain.set(true));
        assertFalse(ranAgain.get());

        Supplier<Integer> value = Once.value(() -> {
            allocateTooMuch();
            return 1;
        });
        OutOfMemoryError first = assertThrows(OutOfMemoryError.class, value::get);
        assertSame(first, assertThrows(OutOfMemoryError.class, value::get));
    }

    /** A Mutex held through {@code locked()} is released when the critical section throws. */
    @Test
    void outOfMemoryInCriticalSection() {
        Mutex mu = new Mutex();
        assertThrows(OutOfMemoryError.class, () -> {
            try (var held = mu.locked()) {
                allocateTooMuch();
            }
        });
        assertTrue(mu.tryLock());
    }
}
