package io.go4j.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.go4j.runtime.Scheduler;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs fixture classes on the Jupiter engine with JUnit's {@link EngineTestKit}. The fixtures are
 * nested classes, which Surefire leaves out of the build's own test run.
 */
final class TestKit {

    private TestKit() {
    }

    /** @return the events of the tests (not the containers) of {@code fixture} */
    static Events run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    /**
     * @return the events of the tests of {@code fixture}, run with those configuration parameters
     */
    static Events run(Class<?> fixture, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    /** Runs {@code fixture}, whose one test must pass. */
    static void assertPasses(Class<?> fixture) {
        run(fixture).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    /** @return what each failed test of {@code events} threw */
    static List<Throwable> failures(Events events) {
        return events.failed().stream()
                .map(failed -> failed.getRequiredPayload(TestExecutionResult.class).getThrowable()
                        .orElseThrow())
                .toList();
    }

    /** @return what the one failed test of {@code events} threw */
    static Throwable onlyFailure(Events events) {
        events.assertStatistics(stats -> stats.failed(1));
        return failures(events).get(0);
    }

    /**
     * Waits until {@code goroutine} shows {@code status} in the default scheduler's books: it
     * gets there in its own time. The calling test's timeout interrupts the wait.
     */
    static void awaitStatus(Thread goroutine, String status) {
        while (Scheduler.defaultScheduler().goroutines().stream()
                .noneMatch(g -> g.thread() == goroutine && g.status().equals(status))) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("goroutine " + goroutine.threadId() + " never showed ["
                        + status + "]:\n"
                        + Scheduler.defaultScheduler().dump());
            }
            Thread.yield();
        }
    }
}
