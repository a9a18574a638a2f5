/**
 * go4j: Go's concurrency model on the JVM.
 *
 * <p>{@link io.go4j} holds goroutines ({@link io.go4j.Go}), channels ({@link io.go4j.Chan})
 * and {@link io.go4j.Select select}; {@link io.go4j.sync}, {@link io.go4j.time} and
 * {@link io.go4j.context} are Go's packages of those names; {@link io.go4j.runtime} holds the
 * goroutine scheduler. Everything under {@code io.go4j.internal} is private to the library.
 */
module io.go4j {
    requires org.jctools.core;

    exports io.go4j;
    exports io.go4j.context;
    exports io.go4j.runtime;
    exports io.go4j.sync;
    exports io.go4j.time;
}
