/**
 * Go's {@code runtime/time.go}: the timers behind {@code io.go4j.time} and context deadlines.
 *
 * <table>
 * <caption>Go's runtime names and their go4j counterparts</caption>
 * <tr><th>Go</th><th>go4j</th></tr>
 * <tr><td>{@code timer}</td><td>{@link RuntimeTimer}</td></tr>
 * <tr><td>a P's timer heap and the thread that runs it</td><td>{@link TimerService}</td></tr>
 * <tr><td>the timer of a timer channel</td><td>{@link ChanTimer}</td></tr>
 * <tr><td>the timer of {@code time.AfterFunc}</td><td>{@link FuncTimer}</td></tr>
 * </table>
 */
package io.go4j.internal.time;
