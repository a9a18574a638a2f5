/**
 * jcstress tests of go4j's channels, {@code select}, {@code sync} primitives, timers and contexts.
 *
 * <p>Every test pins one rule of the Go memory model, one atomicity guarantee of the Go spec or
 * one guarantee of Go's {@code time} and {@code context} documentation, stated in its class
 * Javadoc. Actors are plain platform threads (jcstress threads): a channel
 * and every sync primitive work from any thread. Actors may block, but in every test the blocking
 * operations of one iteration always pair up, or end by an interrupt the other actor always sends
 * ({@link io.go4j.stress.Interrupts}), so every actor finishes. An arbiter that waits for a timer's
 * function to run in its goroutine waits a bounded time.
 *
 * <p>Sub-packages: {@code chan} (send, receive, close, non-blocking operations, interrupts),
 * {@code select}, {@code sync} (Mutex, RWMutex, WaitGroup, Once, Cond, Semaphore), {@code go}
 * (the {@code go} statement), {@code time} (stop and reset of timers, tickers and AfterFunc
 * timers against their firing), {@code context} (cancel against {@code done()}, child
 * creation and another cancel) and {@code runtime} (the scheduler's work stealing, through
 * {@code io.go4j.internal.runtime.RunQueueRace}, which reaches the internal run queue from the
 * class path).
 */
package io.go4j.stress;
