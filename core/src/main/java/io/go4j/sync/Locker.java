package io.go4j.sync;

/**
 * Something that can be locked and unlocked: Go's {@code sync.Locker}.
 *
 * <p>{@link Mutex}, {@link RWMutex} and {@link RWMutex#rLocker()} implement it; {@link Cond}
 * takes one. Besides Go's two methods it offers {@link #locked()} for Java's try-with-resources,
 * the counterpart of Go's {@code mu.Lock(); defer mu.Unlock()}.
 */
public interface Locker {

    /**
     * Locks: Go's {@code Lock()}. Blocks until the lock is available.
     *
     * @throws io.go4j.GoInterruptedException if the thread is interrupted while it must wait; the
     *     lock was then not acquired and the interrupt status is still set
     */
    void lock();

    /**
     * Unlocks: Go's {@code Unlock()}.
     *
     * @throws IllegalStateException with Go's message if the lock was not held
     */
    void unlock();

    /**
     * Locks and returns a handle whose {@link Held#close()} unlocks, for try-with-resources:
     * {@code try (var held = mu.locked()) { ... }} is Go's {@code mu.Lock(); defer mu.Unlock()}.
     *
     * @return the handle; closing it more than once unlocks more than once, which throws
     * @throws io.go4j.GoInterruptedException as {@link #lock()}
     */
    default Held locked() {
        lock();
        return this::unlock;
    }

    /**
     * A held lock, as returned by {@link #locked()}; closing it unlocks. Go has no counterpart:
     * it is the try-with-resources form of {@code defer mu.Unlock()}.
     */
    @FunctionalInterface
    interface Held extends AutoCloseable {

        /** Unlocks the lock this handle was obtained from. */
        @Override
        void close();
    }
}
