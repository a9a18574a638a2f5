package io.go4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test body as a Go program, the way {@code go test} runs a Go test: as the main goroutine
 * of {@link io.go4j.Go#main}.
 *
 * <p>Everything {@code Go.main} promises then holds for the test: the goroutines the body starts,
 * transitively, are the program's; an exception escaping any of them fails the test with that
 * exception, as a panic fails a Go test; and when every goroutine of the program is blocked with
 * nothing left to wake them, the test fails within a second with
 * {@link io.go4j.runtime.DeadlockException} ({@code all goroutines are asleep - deadlock!} and the
 * goroutine dump), where it would otherwise wait for its timeout.
 *
 * <p>On a class it applies to every {@code @Test}, {@code @RepeatedTest} and
 * {@code @ParameterizedTest} method of the class and of its {@code @Nested} classes; on a method,
 * to that one. Lifecycle methods ({@code @BeforeEach} and the like) run as usual, outside the
 * program. When the test times out, JUnit interrupts the thread waiting for the program and the
 * main goroutine is interrupted in turn.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GoMainExtension.class)
public @interface GoMain {
}
