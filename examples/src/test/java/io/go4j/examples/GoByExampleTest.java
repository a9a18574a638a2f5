package io.go4j.examples;

import static io.go4j.examples.Output.assertInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.junit.CheckGoroutineLeaks;
import io.go4j.junit.DumpGoroutinesOnTimeout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Go by Example ports: exact output where it is deterministic, its invariants where not. */
@CheckGoroutineLeaks
@DumpGoroutinesOnTimeout
@Timeout(30)
class GoByExampleTest {

    @Test
    void goroutinesRunTheDirectCallFirstAndAreAwaited() {
        List<String> lines = Output.of("goroutines");
        assertEquals(8, lines.size(), lines::toString);
        assertEquals(List.of("direct : 0", "direct : 1", "direct : 2"), lines.subList(0, 3));
        assertInOrder(List.of("goroutine : 0", "goroutine : 1", "goroutine : 2"),
                lines.subList(3, 7));
        assertTrue(lines.subList(3, 7).contains("going"), lines::toString);
        assertEquals("done", lines.get(7));
    }

    @Test
    void channelsPassOneMessage() {
        assertEquals(List.of("ping"), Output.of("channels"));
    }

    @Test
    void channelBufferingHoldsTwoValues() {
        assertEquals(List.of("buffered", "channel"), Output.of("channel-buffering"));
    }

    @Test
    void channelSynchronizationWaitsForTheWorker() {
        assertEquals(List.of("working...done"), Output.of("channel-synchronization"));
    }

    @Test
    void channelDirectionsPassTheMessageThrough() {
        assertEquals(List.of("passed message"), Output.of("channel-directions"));
    }

    @Test
    void selectReceivesBothMessagesInEitherOrder() {
        assertEquals(Set.of("received one", "received two"), Set.copyOf(Output.of("select")));
    }

    @Test
    void nonBlockingOperationsAllTakeTheDefault() {
        assertEquals(List.of("no message received", "no message sent", "no activity"),
                Output.of("non-blocking-channel-operations"));
    }

    @Test
    void closingChannelsDeliversEveryJobThenReportsTheClose() {
        List<String> lines = Output.of("closing-channels");
        assertEquals(9, lines.size(), lines::toString);
        assertInOrder(List.of("sent job 1", "sent job 2", "sent job 3", "sent all jobs"), lines);
        assertInOrder(List.of("received job 1", "received job 2", "received job 3",
                "received all jobs"), lines);
        assertEquals("received more jobs: false", lines.get(8));
    }

    @Test
    void rangeOverChannelsDrainsTheClosedChannel() {
        assertEquals(List.of("one", "two"), Output.of("range-over-channels"));
    }

    @Test
    void workerPoolsRunEveryJobOnceOnOneWorker() {
        List<String> lines = Output.of("worker-pools");
        assertEquals(2 * WorkerPools.JOBS + 1, lines.size(), lines::toString);
        Pattern line = Pattern.compile("worker ([1-3]) (started|finished) job ([1-5])");
        Set<Integer> started = new HashSet<>();
        for (String l : lines.subList(0, 2 * WorkerPools.JOBS)) {
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), l);
            if (m.group(2).equals("started")) {
                assertTrue(started.add(Integer.parseInt(m.group(3))), l);
                assertInOrder(List.of(l, l.replace("started", "finished")), lines);
            }
        }
        assertEquals(WorkerPools.JOBS, started.size());
        assertEquals("results: [2, 4, 6, 8, 10]", lines.get(2 * WorkerPools.JOBS));
    }

    @Test
    void waitGroupsWaitForEveryWorker() {
        List<String> lines = Output.of("waitgroups");
        assertEquals(2 * WaitGroups.WORKERS, lines.size(), lines::toString);
        for (int id = 1; id <= WaitGroups.WORKERS; id++) {
            assertInOrder(List.of("Worker " + id + " starting", "Worker " + id + " done"), lines);
        }
    }

    @Test
    void atomicCountersCountEveryIncrement() {
        assertEquals(List.of("ops: 50000"), Output.of("atomic-counters"));
    }

    @Test
    void mutexesLoseNoIncrement() {
        assertEquals(List.of("map[a:20000 b:10000]"), Output.of("mutexes"));
    }

    @Test
    void statefulGoroutinesServeEveryRequest() {
        assertEquals(List.of("readOps: 10000", "writeOps: 1000"), Output.of("stateful-goroutines"));
    }

    @Test
    void everyGoByExampleConcurrencyChapterIsHere() {
        List<String> chapters =
                new ArrayList<>(List.of("goroutines", "channels", "channel-buffering",
                "channel-synchronization", "channel-directions", "select", "timeouts",
                "non-blocking-channel-operations",
                "closing-channels", "range-over-channels", "timers", "tickers", "worker-pools",
                "waitgroups",
                "rate-limiting", "atomic-counters", "mutexes", "stateful-goroutines", "context"));
        chapters.removeIf(name -> Examples.byName(name).isPresent());
        assertEquals(List.of(), chapters);
    }
}
