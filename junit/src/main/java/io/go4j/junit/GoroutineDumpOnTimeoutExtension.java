package io.go4j.junit;

import io.go4j.runtime.Scheduler;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The extension behind {@link DumpGoroutinesOnTimeout}, public so that JUnit's extension
 * auto-detection ({@code junit.jupiter.extensions.autodetection.enabled=true}) can apply it to
 * every test, or so that {@code @ExtendWith} can name it. Go has no separate switch: {@code go
 * test} always dumps every goroutine when a test binary times out.
 */
public final class GoroutineDumpOnTimeoutExtension implements PreInterruptCallback,
        TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(GoroutineDumpOnTimeoutExtension.class);
    private static final String DUMP = "goroutine dump at the timeout";

    /** Creates the extension; JUnit does, for {@link DumpGoroutinesOnTimeout} or auto-detection. */
    public GoroutineDumpOnTimeoutExtension() {
    }

    /**
     * Takes the goroutine dump when the test's timeout fires, before JUnit interrupts the test
     * and the goroutines that interruption wakes move on; prints it to standard error.
     *
     * @param preInterruptContext which thread JUnit is about to interrupt
     * @param context the timed-out test (or lifecycle method)
     */
    @Override
    public void beforeThreadInterrupt(PreInterruptContext preInterruptContext,
            ExtensionContext context) {
        String dump = Scheduler.defaultScheduler().dump();
        String report = "go4j goroutines when " + context.getUniqueId() + " timed out:\n\n"
                + (dump.isEmpty() ? "(none)\n" : dump);
        System.err.print(report);
        System.err.flush();
        context.getStore(NAMESPACE).put(DUMP, report);
    }

    /**
     * Adds the dump taken at the timeout to the test's {@link TimeoutException}, as a suppressed
     * exception, and rethrows it; any other exception passes through untouched.
     *
     * @param context the failed test
     * @param throwable why it failed
     * @throws Throwable always {@code throwable}
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context,
            Throwable throwable) throws Throwable {
        String report = context.getStore(NAMESPACE).remove(DUMP, String.class);
        if (report != null && throwable instanceof TimeoutException) {
            throwable.addSuppressed(new GoroutineDumpAtTimeout(report));
        }
        throw throwable;
    }

    /** Carries the dump into a test report; its own stack trace would say nothing. */
    private static final class GoroutineDumpAtTimeout extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GoroutineDumpAtTimeout(String report) {
            super(report, null, false, false);
        }
    }
}
