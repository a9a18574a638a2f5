package io.go4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Go;
import io.go4j.runtime.DeadlockException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

/**
 * {@link GoMain}, run on fixtures through the Jupiter engine. Go.main leaves a failed program's
 * goroutines where they are, so the fixtures' block on {@link Release}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(Release.class)
class GoMainTest {

    static class Deadlocks {
        /**
         * Without {@code @GoMain} this would wait for the timeout, which the outer test's beats.
         */
        @Test
        @GoMain
        @Timeout(value = 10, unit = TimeUnit.MINUTES)
        void receivesWithNoSender() {
            Release.channel().receive();
        }
    }

    @Test
    void aDeadlockedTestFailsWithGosMessageAndTheDump() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(Deadlocks.class));

        DeadlockException deadlock = assertInstanceOf(DeadlockException.class, failure);
        assertEquals("all goroutines are asleep - deadlock!", deadlock.getMessage());
        assertTrue(deadlock.dump().contains("[chan receive]:"), deadlock.dump());
        assertTrue(deadlock.dump().contains("Deadlocks.receivesWithNoSender("), deadlock.dump());
    }

    @GoMain
    static class RunsInGoroutines {
        @Test
        void bodyRunsOnAVirtualThread() {
            assertTrue(Thread.currentThread().isVirtual());
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void goroutinesTheBodyStartsArePartOfTheProgram(int n) {
            Go.go(() -> {
                throw new IllegalStateException("panic in goroutine " + n);
            });
            Release.channel().receive();
        }
    }

    @Test
    void onAClassEveryTestRunsAsAProgram() {
        var events = TestKit.run(RunsInGoroutines.class);

        events.assertStatistics(stats -> stats.succeeded(1).failed(2));
        for (Throwable thrown : TestKit.failures(events)) {
            assertInstanceOf(IllegalStateException.class, thrown);
            assertTrue(thrown.getMessage().startsWith("panic in goroutine "), thrown.getMessage());
        }
    }

    static class FailsOnTheMainGoroutine {
        @Test
        @GoMain
        void assertionFails() {
            assertEquals(1, 2, "on the main goroutine");
        }

        @Test
        @GoMain
        void throwsAChecked() throws IOException {
            throw new IOException("checked");
        }
    }

    @Test
    void whatTheBodyThrowsFailsTheTestUnchanged() {
        var events = TestKit.run(FailsOnTheMainGoroutine.class);

        events.assertStatistics(stats -> stats.failed(2));
        assertEquals(Set.of(AssertionFailedError.class, IOException.class),
                TestKit.failures(events).stream().map(Throwable::getClass)
                        .collect(Collectors.toSet()));
    }

    static class TimesOut {
        static final CountDownLatch BODY_INTERRUPTED = new CountDownLatch(1);

        @Test
        @GoMain
        @Timeout(value = 200, unit = TimeUnit.MILLISECONDS)
        void waitsForever() {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                BODY_INTERRUPTED.countDown();
            }
        }
    }

    /** The outer timeout fails it if the body is never interrupted. */
    @Test
    void aTimeoutInterruptsTheMainGoroutine() throws InterruptedException {
        Throwable failure = TestKit.onlyFailure(TestKit.run(TimesOut.class));

        assertInstanceOf(TimeoutException.class, failure);
        TimesOut.BODY_INTERRUPTED.await();
    }
}
