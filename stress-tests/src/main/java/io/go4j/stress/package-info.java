/**
 * jcstress tests of go4j's channels, {@code select} and {@code sync} primitives.
 *
 * <p>Every test pins one rule of the Go memory model or one atomicity guarantee of the Go spec,
 * stated in its class Javadoc. Actors are plain platform threads (jcstress threads): a channel
 * and every sync primitive work from any thread. Actors may block, but in every test the blocking operations of one
 * iteration always pair up, or end by an interrupt the other actor always sends ({@link io.go4j.stress.Interrupts}),
 * so every actor finishes.
 *
 * <p>Sub-packages: {@code chan} (send, receive, close, non-blocking operations, interrupts),
 * {@code select}, {@code sync} (Mutex, RWMutex, WaitGroup, Once, Cond, Semaphore) and {@code go}
 * (the {@code go} statement).
 */
package io.go4j.stress;
