package io.go4j.junit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.Select;
import io.go4j.runtime.GoroutineInfo;
import io.go4j.sync.WaitGroup;
import io.go4j.time.Time;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/** {@link CheckGoroutineLeaks}, run on fixtures through the Jupiter engine. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(Release.class)
class CheckGoroutineLeaksTest {

    @CheckGoroutineLeaks(gracePeriodMillis = 100)
    static class LeavesAGoroutineBlocked {
        @Test
        void leaks() {
            TestKit.awaitStatus(Go.go(() -> Release.channel().receive()), "chan receive");
        }
    }

    @Test
    void aTestLeavingAGoroutineBlockedFailsWithItsDump() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(LeavesAGoroutineBlocked.class));

        assertInstanceOf(AssertionFailedError.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("found unexpected goroutines: 1 started by the test"),
                message);
        assertTrue(message.contains(" [chan receive]:\n"), message);
        assertTrue(message.contains("at io.go4j.Chan.receive("), message);
        assertTrue(message.contains("LeavesAGoroutineBlocked.lambda$leaks$"), message);
    }

    @CheckGoroutineLeaks
    static class WaitsForItsGoroutines {
        @Test
        void clean() {
            WaitGroup wg = new WaitGroup();
            Chan<Integer> ch = Chan.make();
            wg.go(() -> ch.send(1));
            wg.go(ch::receive);
            wg.await();
        }
    }

    @Test
    void aTestWhoseGoroutinesEndedPasses() {
        TestKit.assertPasses(WaitsForItsGoroutines.class);
    }

    @CheckGoroutineLeaks(gracePeriodMillis = 20_000)
    static class LeavesAGoroutineThatIsEnding {
        @Test
        void returnsBeforeItsGoroutineEnds() {
            // The sleep gives the check the chance to find the goroutine still there.
            Go.go(() -> Time.sleep(Duration.ofMillis(200)));
        }
    }

    @Test
    void aGoroutineEndingWithinTheGracePeriodIsNoLeak() {
        TestKit.assertPasses(LeavesAGoroutineThatIsEnding.class);
    }

    @Test
    void goroutinesStartedBeforeTheTestAreIgnored() {
        Go.go(() -> Release.channel().receive());

        TestKit.assertPasses(WaitsForItsGoroutines.class);
    }

    static void waitForRelease() {
        Release.channel().receive();
    }

    @CheckGoroutineLeaks(gracePeriodMillis = 100,
            ignoreTopFrames = "io.go4j.junit.CheckGoroutineLeaksTest.waitForRelease")
    static class LeavesAGoroutineIgnoredByItsTopFrame {
        @Test
        void leaksAnIgnoredGoroutine() {
            Go.go(CheckGoroutineLeaksTest::waitForRelease);
        }
    }

    @Test
    void aGoroutineIsIgnoredByTheFrameThatBlocks() {
        TestKit.assertPasses(LeavesAGoroutineIgnoredByItsTopFrame.class);
    }

    @CheckGoroutineLeaks(gracePeriodMillis = 100,
            ignoreTopFrames = "io.go4j.junit.CheckGoroutineLeaksTest.waitForRelease")
    static class LeavesAnotherGoroutineBesidesTheIgnoredOne {
        @Test
        void leaksTwo() {
            TestKit.awaitStatus(Go.go(CheckGoroutineLeaksTest::waitForRelease), "chan receive");
            TestKit.awaitStatus(Go.go(() -> Release.channel().receive()), "chan receive");
        }
    }

    @Test
    void anIgnoreSparesOnlyTheGoroutinesItNames() {
        String message = TestKit.onlyFailure(
                TestKit.run(LeavesAnotherGoroutineBesidesTheIgnoredOne.class)).getMessage();

        assertTrue(message.startsWith("found unexpected goroutines: 1 "), message);
        assertTrue(message.contains("lambda$leaksTwo$"), message);
    }

    /** Ignores goroutines blocked in a select. */
    public static final class BlockedInSelect implements Predicate<GoroutineInfo> {
        @Override
        public boolean test(GoroutineInfo g) {
            return g.status().equals("select");
        }
    }

    @CheckGoroutineLeaks(gracePeriodMillis = 100, ignore = BlockedInSelect.class)
    static class LeavesAGoroutineIgnoredByAPredicate {
        @Test
        void leaksAGoroutineInASelect() {
            Chan<Integer> never = Chan.make();
            Go.go(() -> Select.select(Select.recv(never), Select.recv(Release.channel())));
        }
    }

    @Test
    void aGoroutineIsIgnoredByAPredicate() {
        TestKit.assertPasses(LeavesAGoroutineIgnoredByAPredicate.class);
    }

    @CheckGoroutineLeaks(gracePeriodMillis = 100)
    static class OneTestLeaksOneDoesNot {
        @Test
        void leaks() {
            Go.go(() -> Release.channel().receive());
        }

        @Test
        void doesNotLeak() throws InterruptedException {
            Go.go(() -> { }).join();
        }
    }

    @Test
    void onAClassEveryTestIsChecked() {
        TestKit.run(OneTestLeaksOneDoesNot.class)
                .assertStatistics(stats -> stats.succeeded(1).failed(1));
    }

    @CheckGoroutineLeaks(gracePeriodMillis = 100)
    static class StopsItsGoroutineInTeardown {
        Chan<Void> stop = Chan.make();

        @Test
        void startsAGoroutine() {
            Go.go(stop::receive);
        }

        @AfterEach
        void stopIt() {
            stop.close();
        }
    }

    @Test
    void goroutinesStoppedByTheTeardownAreNoLeak() {
        TestKit.assertPasses(StopsItsGoroutineInTeardown.class);
    }
}
