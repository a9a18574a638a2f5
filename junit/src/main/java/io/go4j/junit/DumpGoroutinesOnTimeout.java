package io.go4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prints go4j's goroutine dump when a test times out, as {@code go test -timeout} prints every
 * goroutine's stack before it panics: each goroutine with its wait reason ({@code chan receive},
 * {@code select}, {@code sync.Mutex.Lock}, ...), the minutes it has been blocked, and its stack.
 * JUnit's own thread dump ({@code junit.jupiter.execution.timeout.threaddump.enabled}) lists
 * platform threads only, not the virtual threads goroutines run on.
 *
 * <p>The timeout is JUnit's ({@code @Timeout}, or a default timeout from the configuration), in
 * either thread mode. At the moment it fires, before JUnit interrupts the test, the dump of the
 * {@linkplain io.go4j.runtime.Scheduler#defaultScheduler() default scheduler} goes to standard
 * error; a test method's {@link java.util.concurrent.TimeoutException} also carries it, as a
 * suppressed exception, into the test report.
 *
 * <p>On a class it applies to every test of the class and of its {@code @Nested} classes; on a
 * method, to that one. To apply it to every test of a project, turn on JUnit's extension
 * auto-detection ({@code junit.jupiter.extensions.autodetection.enabled=true}):
 * {@link GoroutineDumpOnTimeoutExtension} is registered for it.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GoroutineDumpOnTimeoutExtension.class)
public @interface DumpGoroutinesOnTimeout {
}
