/**
 * go4j's goroutine runtime: Go's {@code runtime/proc.go} and its neighbours ({@code chan.go}'s and
 * {@code sema.go}'s parking, {@code time.go}'s timers), on virtual threads.
 * The scheduling policy is set out once, in the class comment of {@link CarrierPool}.
 *
 * <table>
 * <caption>Go's runtime names and their go4j counterparts</caption>
 * <tr><th>Go</th><th>go4j</th></tr>
 * <tr><td>{@code g}, {@code allgs}</td><td>{@link Goroutine}, {@link Goroutines}</td></tr>
 * <tr><td>{@code m} + {@code p}</td><td>{@link Worker} (a carrier thread with its run
 * queue)</td></tr>
 * <tr><td>{@code schedt}, {@code findRunnable}, {@code wakep}, {@code ready}</td>
 *     <td>{@link CarrierPool} ({@code execute}, {@code wakeIdle}), {@link Worker}</td></tr>
 * <tr><td>{@code p.runq}, {@code p.runnext}</td><td>{@link RunQueue}</td></tr>
 * <tr><td>{@code sched.runq}</td><td>{@link GlobalQueue}</td></tr>
 * <tr><td>{@code sysmon}, {@code retake}</td><td>{@link Sysmon},
 * {@code CarrierPool.monitor}</td></tr>
 * <tr><td>{@code checkdead}</td><td>{@link Program#checkDeadlock}, {@link OutsideWakers}</td></tr>
 * <tr><td>{@code waitReason}</td><td>{@link WaitReason}</td></tr>
 * <tr><td>{@code traceback} of all goroutines</td><td>{@link GoroutineDump}</td></tr>
 * <tr><td>a Go process (one {@code main})</td><td>{@link Program}</td></tr>
 * <tr><td>{@code sudog}, in {@code chan.go} and {@code sema.go} alike</td>
 *     <td>{@link Sudog}</td></tr>
 * <tr><td>{@code waitq}, a {@code semaRoot}'s queue</td><td>{@link WaitQueue}</td></tr>
 * <tr><td>{@code canSpin}, {@code procyield}</td><td>{@link Spin}, {@link CarrierWork}</td></tr>
 * <tr><td>{@code mutex} ({@code lock2}, {@code unlock2})</td><td>{@link SpinLock}</td></tr>
 * <tr><td>{@code hchan.buf}</td><td>{@link RingBuffer}</td></tr>
 * <tr><td>{@code timer}</td><td>{@link RuntimeTimer}</td></tr>
 * <tr><td>a P's timer heap and the thread that runs it</td><td>{@link TimerService}</td></tr>
 * <tr><td>the timer of a timer channel, {@code hchan.timer}, {@code maybeRunChan},
 *     {@code blockTimerChan}</td><td>{@link ChanTimer}</td></tr>
 * <tr><td>the timer of {@code time.AfterFunc}</td><td>{@link FuncTimer}</td></tr>
 * <tr><td>the channels of timers, made from outside {@code io.go4j} (the JDK's
 *     {@code SharedSecrets} idiom)</td><td>{@link SharedSecrets}</td></tr>
 * <tr><td>one Go runtime ({@code GOMAXPROCS} Ps)</td>
 *     <td>{@link SchedulerCore}, behind {@code io.go4j.runtime.Scheduler}</td></tr>
 * </table>
 */
package io.go4j.internal.runtime;
