package io.go4j.junit;

import io.go4j.runtime.GoroutineInfo;
import io.go4j.runtime.Scheduler;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.AssertionFailedError;

/** The check behind {@link CheckGoroutineLeaks}. */
final class GoroutineLeakExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(GoroutineLeakExtension.class);
    private static final String BEFORE = "goroutines before the test";
    private static final long RECHECK_NANOS = Duration.ofMillis(10).toNanos();

    /**
     * The packages of go4j-core, whose frames sit above the caller's in a blocked goroutine. A
     * stack frame names its class, not its module, so the list is spelled out here.
     */
    private static final Set<String> GO4J_PACKAGES =
            Set.of("io.go4j", "io.go4j.context", "io.go4j.runtime", "io.go4j.sync", "io.go4j.time");

    /** The ids of the goroutines alive before the test. */
    private record Before(Set<Long> ids) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Set<Long> ids = Scheduler.defaultScheduler().goroutines().stream()
                .map(GoroutineInfo::id)
                .collect(Collectors.toSet());
        context.getStore(NAMESPACE).put(BEFORE, new Before(ids));
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        Before before = context.getStore(NAMESPACE).remove(BEFORE, Before.class);
        if (before == null) {
            // An earlier extension's beforeEach failed before this one's ran: the test did not
            // run, and that failure is the one to report.
            return;
        }
        CheckGoroutineLeaks settings = nearestSettings(context);
        Predicate<GoroutineInfo> ignored = ignores(settings);
        long deadline = System.nanoTime() + Duration.ofMillis(settings.gracePeriodMillis())
                .toNanos();
        while (true) {
            List<GoroutineInfo> leaked = Scheduler.defaultScheduler().goroutines().stream()
                    .filter(g -> !before.ids().contains(g.id()) && !ignored.test(g))
                    .toList();
            if (leaked.isEmpty()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionFailedError(report(leaked, settings.gracePeriodMillis()));
            }
            // Waits on one of them, briefly: another may end first, or become one to ignore
            // once it blocks where an ignore names it.
            leaked.get(0).thread().join(Duration.ofNanos(Math.min(left, RECHECK_NANOS)));
        }
    }

    private static CheckGoroutineLeaks nearestSettings(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get()
                .getParent()) {
            Optional<AnnotatedElement> element = c.get().getElement();
            Optional<CheckGoroutineLeaks> found =
                    AnnotationSupport.findAnnotation(element, CheckGoroutineLeaks.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("the leak check runs only for tests annotated "
                + "@CheckGoroutineLeaks");
    }

    private static Predicate<GoroutineInfo> ignores(CheckGoroutineLeaks settings) {
        Set<String> topFrames = Set.copyOf(Arrays.asList(settings.ignoreTopFrames()));
        Predicate<GoroutineInfo> ignored = g -> topFrame(g).filter(topFrames::contains).isPresent();
        for (Class<? extends Predicate<GoroutineInfo>> predicate : settings.ignore()) {
            ignored = ignored.or(ReflectionSupport.newInstance(predicate));
        }
        return ignored;
    }

    /** @return "class.method" of the innermost frame outside go4j-core, if there is one */
    private static Optional<String> topFrame(GoroutineInfo g) {
        return g.stack().stream()
                .filter(frame -> !isGo4j(frame.getClassName()))
                .findFirst()
                .map(frame -> frame.getClassName() + "." + frame.getMethodName());
    }

    private static boolean isGo4j(String className) {
        String pkg = className.substring(0, Math.max(0, className.lastIndexOf('.')));
        return GO4J_PACKAGES.contains(pkg) || pkg.startsWith("io.go4j.internal.");
    }

    private static String report(List<GoroutineInfo> leaked, long gracePeriodMillis) {
        return "found unexpected goroutines: " + leaked.size()
                + " started by the test still running or blocked "
                + gracePeriodMillis + " ms after it ended\n\n"
                + leaked.stream().map(GoroutineInfo::toString).collect(Collectors.joining("\n"));
    }
}
