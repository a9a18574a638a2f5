package io.go4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.GoInterruptedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's {@code created by} line: with {@code -Dgo4j.creationSites=true} a scheduler records where
 * each goroutine was started, and shows it in its dump and on an exception that ends one.
 */
@Timeout(30)
class CreationSiteTest {

    private static final String PROPERTY = "go4j.creationSites";

    /** A scheduler made while the property is {@code true}. */
    private static Scheduler recordingScheduler() {
        System.setProperty(PROPERTY, "true");
        try {
            return Scheduler.create(1);
        } finally {
            System.clearProperty(PROPERTY);
        }
    }

    private static Thread startBlocked(Scheduler s, Chan<Void> never) {
        return s.go(() -> {
            try {
                never.receive();
            } catch (GoInterruptedException closing) {
                // the scheduler's close() ends it
            }
        });
    }

    private static void awaitParked(Thread t) {
        while (t.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
    }

    @Test
    void theDumpNamesWhereEachGoroutineWasStarted() {
        Chan<Void> never = Chan.make();
        try (Scheduler s = recordingScheduler()) {
            awaitParked(startBlocked(s, never));
            String dump = s.dump();
            String site = "created by " + CreationSiteTest.class.getName()
                    + ".startBlocked in thread \""
                    + Thread.currentThread().getName() + "\"\n\tat ";
            int at = dump.indexOf(site);
            assertTrue(at >= 0, dump);
            String frame = dump.substring(at + site.length()).lines().findFirst().orElseThrow();
            assertTrue(frame.matches(".*\\Q" + CreationSiteTest.class.getName()
                    + ".startBlocked(CreationSiteTest.java:\\E\\d+\\)"), frame);
        }
    }

    @Test
    void anExceptionThatEndsAGoroutineCarriesItsCreationSite() throws Exception {
        CompletableFuture<Throwable> uncaught = new CompletableFuture<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.complete(e));
        try (Scheduler s = recordingScheduler()) {
            Thread parent = s.go(() -> s.go(() -> {
                throw new IllegalStateException("boom");
            }));
            Throwable e = uncaught.get(20, TimeUnit.SECONDS);
            assertEquals("boom", e.getMessage());
            assertEquals(1, e.getSuppressed().length);
            String site = e.getSuppressed()[0].toString();
            assertTrue(site.startsWith("created by " + CreationSiteTest.class.getName()
                    + ".lambda$"), site);
            assertTrue(site.endsWith(" in goroutine " + parent.threadId()), site);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void offUnlessAsked() {
        Chan<Void> never = Chan.make();
        try (Scheduler s = Scheduler.create(1)) {
            awaitParked(startBlocked(s, never));
            assertFalse(s.dump().contains("created by"), s.dump());
        }
    }
}
