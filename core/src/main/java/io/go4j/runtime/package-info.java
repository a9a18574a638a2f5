/**
 * Go's runtime: the goroutine {@link io.go4j.runtime.Scheduler} ({@code GOMAXPROCS},
 * {@code NumGoroutine}, goroutine dumps) and the {@link io.go4j.runtime.DeadlockException} of
 * {@code Go.main}.
 */
package io.go4j.runtime;
