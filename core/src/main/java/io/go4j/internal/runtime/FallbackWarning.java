package io.go4j.internal.runtime;

import java.util.concurrent.atomic.AtomicBoolean;

/** The one WARNING go4j logs when it cannot use its own scheduler. */
final class FallbackWarning {

    private static final AtomicBoolean LOGGED = new AtomicBoolean();

    private FallbackWarning() {
    }

    static void log() {
        if (LOGGED.compareAndSet(false, true)) {
            System.getLogger("io.go4j").log(System.Logger.Level.WARNING,
                    "go4j runs goroutines on the JDK's default virtual-thread scheduler: "
                            + "java.lang is not opened to go4j. For go4j's own scheduler, run "
                            + "java with --add-opens java.base/java.lang=ALL-UNNAMED (or "
                            + "=io.go4j on the module path).");
        }
    }
}
