/**
 * The parking and spinning under {@code io.go4j.sync}: Go's {@code runtime/sema.go} and the
 * spin rules of {@code sync.Mutex}.
 *
 * <table>
 * <caption>Go's runtime names and their go4j counterparts</caption>
 * <tr><th>Go</th><th>go4j</th></tr>
 * <tr><td>{@code sudog} in a semaphore's queue</td><td>{@link WaitNode}</td></tr>
 * <tr><td>{@code semaRoot}, {@code notifyList}</td><td>{@link WaitList}</td></tr>
 * <tr><td>{@code runtime_canSpin}, {@code runtime_doSpin}, {@code lock2}'s back-off</td>
 *     <td>{@link Spin}</td></tr>
 * </table>
 */
package io.go4j.internal.sync;
