package io.go4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Scheduler#goroutines()}: the records behind a dump. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GoroutineInfoTest {

    @Test
    void aBlockedGoroutineShowsItsThreadWaitReasonAndStack() {
        try (Scheduler s = Scheduler.create(1)) {
            Chan<Integer> never = Chan.make();
            Thread receiver = s.go(never::receive);
            String dump = SchedulerTest.awaitDump(s, "[chan receive]:");
            List<GoroutineInfo> goroutines = s.goroutines();

            assertEquals(1, goroutines.size(), dump);
            GoroutineInfo info = goroutines.get(0);
            assertSame(receiver, info.thread());
            assertEquals(receiver.threadId(), info.id());
            assertEquals("chan receive", info.status());
            assertEquals("io.go4j.Chan", info.stack().get(0).getClassName(),
                    "the JDK's frames are left out");
            assertTrue(info.stack().stream().anyMatch(f -> f.getMethodName().equals("receive")),
                    dump);
            assertEquals(dump, info.toString(), "a dump is its goroutines' paragraphs");
        }
    }

    @Test
    void aSchedulerWithoutGoroutinesListsNone() {
        try (Scheduler s = Scheduler.create(1)) {
            assertEquals(List.of(), s.goroutines());
        }
    }
}
