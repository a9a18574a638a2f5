/**
 * go4j's goroutine runtime: Go's {@code runtime/proc.go} and its neighbours, on virtual threads.
 * The scheduling policy is set out once, in the class comment of {@link CarrierPool}.
 *
 * <table>
 * <caption>Go's runtime names and their go4j counterparts</caption>
 * <tr><th>Go</th><th>go4j</th></tr>
 * <tr><td>{@code g}, {@code allgs}</td><td>{@link Goroutine}, {@link Goroutines}</td></tr>
 * <tr><td>{@code m} + {@code p}</td><td>{@link Worker} (a carrier thread with its run queue)</td></tr>
 * <tr><td>{@code schedt}, {@code findRunnable}, {@code wakep}, {@code ready}</td>
 *     <td>{@link CarrierPool} ({@code execute}, {@code wakeIdle}), {@link Worker}</td></tr>
 * <tr><td>{@code p.runq}, {@code p.runnext}</td><td>{@link RunQueue}</td></tr>
 * <tr><td>{@code sched.runq}</td><td>{@link GlobalQueue}</td></tr>
 * <tr><td>{@code sysmon}, {@code retake}</td><td>{@link Sysmon}, {@code CarrierPool.monitor}</td></tr>
 * <tr><td>{@code checkdead}</td><td>{@link Program#checkDeadlock}, {@link OutsideWakers}</td></tr>
 * <tr><td>{@code waitReason}</td><td>{@link WaitReason}</td></tr>
 * <tr><td>{@code traceback} of all goroutines</td><td>{@link GoroutineDump}</td></tr>
 * <tr><td>a Go process (one {@code main})</td><td>{@link Program}</td></tr>
 * <tr><td>one Go runtime ({@code GOMAXPROCS} Ps)</td>
 *     <td>{@link GoroutineGroup}, behind {@code io.go4j.runtime.Scheduler}</td></tr>
 * </table>
 */
package io.go4j.internal.runtime;
