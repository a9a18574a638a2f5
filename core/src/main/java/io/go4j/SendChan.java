package io.go4j;

/**
 * The sending side of a channel: Go's {@code chan<- T}.
 *
 * <p>A method that takes a {@code SendChan<T>} can only send on, and close, the channel it is
 * given, as a Go function taking {@code chan<- T} can. {@link Chan} implements both sides.
 *
 * @param <T> the type of the values the channel carries; {@code null} is a legal value
 */
public sealed interface SendChan<T> permits Chan {

    /**
     * Sends {@code value}: Go's {@code c <- value}.
     *
     * <p>On an unbuffered channel it returns once a receiver has taken the value; on a buffered
     * channel, once the value is in the buffer. Blocked senders are served in FIFO order.
     *
     * @param value the value to send, possibly {@code null}
     * @throws ChanClosedException with Go's message {@code send on closed channel} if the channel
     *     is closed, or is closed while this send waits
     * @throws GoInterruptedException if the thread is interrupted while it waits; the value was
     *     then not delivered, and the interrupt status stays set
     */
    void send(T value);

    /**
     * Sends {@code value} only if that can be done without waiting: Go's
     * {@code select { case c <- value: default: }}.
     *
     * @param value the value to send, possibly {@code null}
     * @return {@code true} if the value was delivered to a waiting receiver or put in the buffer
     * @throws ChanClosedException ({@code send on closed channel}) if the channel is closed
     */
    boolean trySend(T value);

    /**
     * Closes the channel: Go's {@code close(c)}. Receivers get the buffered values, then
     * {@code (null, false)}; every blocked receiver wakes with {@code ok == false} and every
     * blocked sender throws {@link ChanClosedException}.
     *
     * @throws ChanClosedException with Go's message {@code close of closed channel} if the channel
     *     is already closed
     */
    void close();

    /**
     * Returns the number of values in the buffer: Go's {@code len(c)}. The value may be stale by
     * the time it is used.
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
