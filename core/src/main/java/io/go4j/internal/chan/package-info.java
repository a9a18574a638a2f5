/**
 * The parts of Go's {@code runtime/chan.go} and {@code select.go} that {@code io.go4j.Chan} and
 * {@code io.go4j.Select} share.
 *
 * <table>
 * <caption>Go's runtime names and their go4j counterparts</caption>
 * <tr><th>Go</th><th>go4j</th></tr>
 * <tr><td>{@code sudog}</td><td>{@link Waiter}</td></tr>
 * <tr><td>{@code waitq}</td><td>{@link WaitQueue}</td></tr>
 * <tr><td>{@code hchan.buf}</td><td>{@link RingBuffer}</td></tr>
 * <tr><td>{@code hchan.timer}, {@code maybeRunChan}, {@code blockTimerChan}</td>
 *     <td>{@link ChannelTimer}</td></tr>
 * <tr><td>the timer channels of {@code time.NewTimer}</td><td>{@link TimerChannels}</td></tr>
 * <tr><td>{@code canSpin} for a goroutine about to park</td><td>{@link CarrierWork}</td></tr>
 * </table>
 */
package io.go4j.internal.chan;
