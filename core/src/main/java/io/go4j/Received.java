package io.go4j;

/**
 * The result of a receive that reports whether a value was sent: Go's {@code v, ok := <-c}.
 *
 * @param value the value received; {@code null} when {@code ok} is false
 * @param ok {@code true} if the value was sent on the channel, {@code false} if the channel is
 *     closed and drained
 * @param <T> the type of the value
 */
public record Received<T>(T value, boolean ok) {

    private static final Received<?> CLOSED = new Received<>(null, false);

    /**
     * Returns the result of a receive on a closed, drained channel: {@code (null, false)}.
     *
     * @param <T> the type of the channel's values
     * @return the shared {@code (null, false)} instance
     */
    @SuppressWarnings("unchecked")
    public static <T> Received<T> closed() {
        return (Received<T>) CLOSED;
    }
}
