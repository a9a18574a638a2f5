package io.go4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Go;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link DumpGoroutinesOnTimeout}, run on fixtures through the Jupiter engine. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(Release.class)
class DumpGoroutinesOnTimeoutTest {

    static void stuckInAChannelReceive() {
        Release.channel().receive();
    }

    @DumpGoroutinesOnTimeout
    static class Hangs {
        @Test
        @Timeout(value = 200, unit = TimeUnit.MILLISECONDS)
        void onItsOwnThread() throws InterruptedException {
            TestKit.awaitStatus(Go.go(DumpGoroutinesOnTimeoutTest::stuckInAChannelReceive),
                    "chan receive");
            new CountDownLatch(1).await();
        }

        @Test
        @Timeout(value = 200, unit = TimeUnit.MILLISECONDS,
                threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void onAThreadOfJUnits() throws InterruptedException {
            TestKit.awaitStatus(Go.go(DumpGoroutinesOnTimeoutTest::stuckInAChannelReceive),
                    "chan receive");
            new CountDownLatch(1).await();
        }
    }

    @Test
    void aTimedOutTestCarriesTheGoroutineDump() {
        var events = TestKit.run(Hangs.class);

        events.assertStatistics(stats -> stats.failed(2));
        for (Throwable thrown : TestKit.failures(events)) {
            assertInstanceOf(TimeoutException.class, thrown);
            List<Throwable> dumps = dumpsIn(thrown);
            assertEquals(1, dumps.size(), thrown::toString);
            String report = dumps.get(0).getMessage();
            assertTrue(report.startsWith("go4j goroutines when "), report);
            assertTrue(report.contains(" [chan receive]:\n"), report);
            assertTrue(report.contains("DumpGoroutinesOnTimeoutTest.stuckInAChannelReceive("),
                    report);
        }
    }

    static class HangsUnannotated {
        @Test
        @Timeout(value = 200, unit = TimeUnit.MILLISECONDS)
        void onItsOwnThread() throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }

    @Test
    void anUnannotatedTestIsLeftAlone() {
        Throwable thrown = TestKit.onlyFailure(TestKit.run(HangsUnannotated.class));

        assertInstanceOf(TimeoutException.class, thrown);
        assertEquals(List.of(), dumpsIn(thrown));
    }

    @Test
    void extensionAutoDetectionAppliesItToEveryTest() {
        Throwable thrown = TestKit.onlyFailure(TestKit.run(HangsUnannotated.class,
                Map.of("junit.jupiter.extensions.autodetection.enabled", "true")));

        assertInstanceOf(TimeoutException.class, thrown);
        assertEquals(1, dumpsIn(thrown).size(), thrown::toString);
    }

    private static List<Throwable> dumpsIn(Throwable timeout) {
        return Arrays.stream(timeout.getSuppressed())
                .filter(s -> s.getClass().getSimpleName().equals("GoroutineDumpAtTimeout"))
                .toList();
    }
}
