package io.go4j.junit;

import io.go4j.runtime.GoroutineInfo;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test that leaves goroutines of its own running or blocked after it returns: Go's
 * {@code defer goleak.VerifyNone(t)} (uber-go/goleak).
 *
 * <p>The goroutines of the {@linkplain io.go4j.runtime.Scheduler#defaultScheduler() default
 * scheduler} alive before the test (before its {@code @BeforeEach} methods) are noted; after it
 * (after its {@code @AfterEach} methods, so a teardown may stop what the setup started) every
 * other goroutine still alive is a leak, unless it ends within the {@link #gracePeriodMillis()
 * grace period} or one of the ignores matches it. The failure lists the leaked goroutines as a
 * goroutine dump, with their wait reasons ({@code chan receive}, {@code select},
 * {@code sync.Mutex.Lock}, ...) and stacks.
 *
 * <p>On a class it checks every test of the class and of its {@code @Nested} classes; on a
 * method, that test. The annotation nearest to the test (method, then the classes outwards)
 * gives the settings. Like goleak, the check cannot tell whose goroutine is whose: tests run in
 * parallel with a checked test count as its own goroutines, so run checked tests on their own.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GoroutineLeakExtension.class)
public @interface CheckGoroutineLeaks {

    /**
     * How long the check waits, after the test, for the goroutines it started to end: goleak's
     * retries. A goroutine that is ending (woken by a close in the test's last line, say) needs
     * a moment to get there.
     *
     * @return the grace period in milliseconds
     */
    long gracePeriodMillis() default 1000;

    /**
     * Goroutines to ignore by the frame at the top of their stack, goleak's
     * {@code IgnoreTopFunction}: each entry is a class name and a method name joined by a dot,
     * such as {@code com.example.Poller.run}. The top frame is the innermost frame of the
     * goroutine's stack outside go4j's own packages, the frame that called into go4j to block
     * (for a goroutine waiting in {@code Chan.receive}, the method that called it).
     *
     * @return the methods whose goroutines are ignored
     */
    String[] ignoreTopFrames() default {};

    /**
     * Goroutines to ignore by a predicate, for what {@link #ignoreTopFrames()} cannot say: each
     * class needs a no-argument constructor and its {@code test} returns true for a goroutine
     * that is not a leak.
     *
     * @return the predicates; a goroutine that any of them accepts is ignored
     */
    Class<? extends Predicate<GoroutineInfo>>[] ignore() default {};
}
