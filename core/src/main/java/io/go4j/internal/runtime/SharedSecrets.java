package io.go4j.internal.runtime;

import io.go4j.Chan;
import java.time.Instant;
import java.util.function.Function;

/**
 * What the runtime may do with {@code io.go4j}'s public types beyond their public API, named
 * after the JDK's {@code jdk.internal.access.SharedSecrets}, which does the same for
 * {@code java.lang}: the public class hands a function over from its static initializer, and the
 * runtime calls it. The one secret is the making of a timer's channel, whose constructor is
 * private to {@code io.go4j} ({@link Chan}); this class is the one place where the runtime
 * depends back on {@code io.go4j} for more than its exceptions.
 */
public final class SharedSecrets {

    /** Set once, by Chan's static initializer. */
    private static volatile Function<ChanTimer, Chan<Instant>> factory;

    private SharedSecrets() {
    }

    /**
     * Called by {@link Chan} once, when it is initialized.
     *
     * @param chanFactory makes a channel of capacity 1 owned by a timer
     * @throws IllegalStateException if a factory was installed already
     */
    public static void installTimerChanFactory(Function<ChanTimer, Chan<Instant>> chanFactory) {
        if (factory != null) {
            throw new IllegalStateException("timer channel factory installed twice");
        }
        factory = chanFactory;
    }

    /**
     * Makes the channel of {@code timer}: capacity 1, and it tells {@code timer} about its
     * receivers (see {@link ChanTimer}).
     *
     * @param timer the timer that alone sends on the channel
     * @return a new open channel
     */
    public static Chan<Instant> newTimerChan(ChanTimer timer) {
        Function<ChanTimer, Chan<Instant>> f = factory;
        if (f == null) {
            initialize(Chan.class);
            f = factory;
        }
        return f.apply(timer);
    }

    private static void initialize(Class<?> c) {
        try {
            Class.forName(c.getName(), true, c.getClassLoader());
        } catch (ClassNotFoundException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
