package io.go4j.internal.runtime;

import java.util.Arrays;

/**
 * Where a goroutine was started: Go's {@code created by main.main in goroutine 1} line, with the
 * starter's stack at the {@code go} call as this throwable's stack trace.
 *
 * <p>Recorded only by schedulers made while the system property {@value #PROPERTY} is
 * {@code true} (the default scheduler: set it on the command line), since taking a stack trace at
 * every {@code go} costs microseconds; off, starting a goroutine pays one field test. The
 * goroutine dump then prints it under each goroutine's stack, and an exception that ends a
 * goroutine carries it as a suppressed exception, so that its printed stack trace shows it too.
 */
final class CreationSite extends Throwable {

    /** The system property that turns recording on. */
    static final String PROPERTY = "go4j.creationSites";

    private static final long serialVersionUID = 1L;

    /** Who called {@code go}: {@code goroutine 21}, or {@code thread "main"}. */
    private final String starter;

    /** Takes the current thread's stack, from the caller of {@code go} outwards. */
    CreationSite(Goroutine starter) {
        super(null, null, false, true);
        StackTraceElement[] stack = getStackTrace();
        int first = 0;
        while (first < stack.length - 1 && isGoCall(stack[first].getClassName())) {
            first++;
        }
        setStackTrace(Arrays.copyOfRange(stack, first, stack.length));
        this.starter = starter == null
                ? "thread \"" + Thread.currentThread().getName() + "\""
                : "goroutine " + starter.id();
    }

    /** A goroutine's body, with where the goroutine was started. */
    record Started(Runnable body, CreationSite site) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }

    /** @return true if schedulers made now record creation sites */
    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** go4j's own frames on the way from the {@code go} call to here. */
    private static boolean isGoCall(String className) {
        return className.startsWith("io.go4j.internal.") || className.equals("io.go4j.Go")
                || className.equals("io.go4j.runtime.Scheduler");
    }

    /** @return Go's line: {@code created by Class.method in goroutine 21} */
    @Override
    public String getMessage() {
        StackTraceElement caller = getStackTrace()[0];
        return "created by " + caller.getClassName() + "." + caller.getMethodName() + " in "
                + starter;
    }

    /** @return the message alone: it reads as Go's line, and names no exception class */
    @Override
    public String toString() {
        return getMessage();
    }
}
