package io.go4j;

/**
 * The receiving side of a channel: Go's {@code <-chan T}.
 *
 * <p>Iterating over it is Go's {@code for v := range c}: the loop receives until the channel is
 * closed and drained. {@link Chan} implements both sides.
 *
 * @param <T> the type of the values the channel carries; {@code null} is a legal value
 */
public sealed interface RecvChan<T> extends Iterable<T> permits Chan {

    /**
     * Receives a value: Go's {@code v := <-c}. Waits until a value is available or the channel is
     * closed. Blocked receivers are served in FIFO order.
     *
     * @return the value received, or {@code null} once the channel is closed and drained (a sent
     *     {@code null} looks the same: use {@link #receiveOk()} to tell them apart)
     * @throws GoInterruptedException if the thread is interrupted while it waits; nothing was then
     *     consumed, and the interrupt status stays set
     */
    T receive();

    /**
     * Receives a value and tells whether it was sent: Go's {@code v, ok := <-c}.
     *
     * @return {@code (value, true)} for a value that was sent, {@code (null, false)} once the
     *     channel is closed and drained
     * @throws GoInterruptedException if the thread is interrupted while it waits; nothing was then
     *     consumed, and the interrupt status stays set
     */
    Received<T> receiveOk();

    /**
     * Receives a value only if that can be done without waiting: Go's
     * {@code select { case v, ok := <-c: default: }}.
     *
     * @return the value and {@code ok == true}, or {@code (null, false)} if the channel is closed
     *     and drained, or {@code null} if the channel is open and nothing is ready
     */
    Received<T> tryReceive();

    /**
     * Returns the number of values in the buffer: Go's {@code len(c)}.
     *
     * @return the number of buffered values, 0 for an unbuffered channel
     */
    int len();

    /**
     * Returns the capacity of the buffer: Go's {@code cap(c)}.
     *
     * @return the capacity given to {@link Chan#make(int)}, 0 for an unbuffered channel
     */
    int cap();
}
