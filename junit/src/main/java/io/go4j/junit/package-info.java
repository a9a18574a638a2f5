/**
 * JUnit 5 extensions for code that uses go4j, what uber-go/goleak and Go's test runner give Go
 * programmers.
 *
 * <ul>
 * <li>{@link io.go4j.junit.CheckGoroutineLeaks}: a test fails when goroutines it started are
 * still running or blocked after it (goleak's {@code VerifyNone}).
 * <li>{@link io.go4j.junit.DumpGoroutinesOnTimeout}: a test that times out prints go4j's
 * goroutine dump, as {@code go test -timeout} prints every goroutine's stack when it panics.
 * <li>{@link io.go4j.junit.GoMain}: the test body runs as a Go program
 * ({@link io.go4j.Go#main}), so a deadlock fails it at once with Go's
 * {@code all goroutines are asleep - deadlock!}.
 * </ul>
 *
 * <p>Each annotation goes on a test class (every test of it and of its {@code @Nested} classes)
 * or on a test method. They look at the goroutines of the
 * {@linkplain io.go4j.runtime.Scheduler#defaultScheduler() default scheduler}, where
 * {@link io.go4j.Go#go} and {@link io.go4j.Go#main} start them.
 */
package io.go4j.junit;
