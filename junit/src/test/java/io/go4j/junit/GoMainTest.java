package io.go4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.runtime.DeadlockException;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;

/** {@link GoMain}, run on fixtures through the Jupiter engine. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GoMainTest {

    /**
     * What the fixtures' programs block on. Go.main leaves a failed program's goroutines where
     * they are; closing it after each test ends them.
     */
    static Chan<Void> release;

    @BeforeEach
    void newRelease() {
        release = Chan.make();
    }

    @AfterEach
    void endFixtureGoroutines() {
        release.close();
    }

    static class Deadlocks {
        /** Without {@code @GoMain} this would wait for the timeout, which the outer test's beats. */
        @Test
        @GoMain
        @Timeout(value = 10, unit = TimeUnit.MINUTES)
        void receivesWithNoSender() {
            release.receive();
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
            release.receive();
        }
    }

    @Test
    void onAClassEveryTestRunsAsAProgram() {
        var events = TestKit.run(RunsInGoroutines.class);

        events.assertStatistics(stats -> stats.succeeded(1).failed(2));
        events.failed().stream().forEach(event -> {
            Throwable thrown = event.getRequiredPayload(TestExecutionResult.class)
                    .getThrowable().orElseThrow();
            assertInstanceOf(IllegalStateException.class, thrown);
            assertTrue(thrown.getMessage().startsWith("panic in goroutine "), thrown.getMessage());
        });
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
        events.failed().stream().forEach(event -> {
            Throwable thrown = event.getRequiredPayload(TestExecutionResult.class)
                    .getThrowable().orElseThrow();
            assertTrue(thrown instanceof AssertionFailedError || thrown instanceof IOException, thrown.toString());
        });
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
