package io.go4j;

import io.go4j.internal.race.Race;
import io.go4j.internal.runtime.SchedulerCore;
import io.go4j.internal.runtime.Program;

/**
 * Goroutines: Go's {@code go} statement, {@code func main} and {@code runtime.Gosched}.
 *
 * <p>A goroutine is a virtual thread run by the
 * {@linkplain io.go4j.runtime.Scheduler#defaultScheduler() default scheduler}. Everything a
 * goroutine does before it starts another happens-before the new one's body runs, as Go's memory
 * model says of {@code go}.
 */
public final class Go {

    private Go() {
    }

    /**
     * Starts {@code body} in a new goroutine: Go's {@code go body()}.
     *
     * <p>An exception thrown out of {@code body} ends the goroutine; inside {@link #main} it ends
     * the program (the exception is rethrown by {@code main}), elsewhere the thread's
     * uncaught-exception handler reports it.
     *
     * @param body what the goroutine runs
     * @return the goroutine's thread, already started
     */
    public static Thread go(Runnable body) {
        return SchedulerCore.defaultCore().start(body);
    }

    /**
     * Runs {@code body} as the main goroutine of a Go program and waits for it to return: Go's
     * {@code func main}. The program's goroutines are the main goroutine and every goroutine
     * started from one of them, transitively (on any scheduler).
     *
     * <ul>
     * <li>When {@code body} returns, {@code main} returns, and the program is over: as Go's
     * goroutines end with the process, the program's goroutines still running are interrupted
     * (one blocked in a go4j operation throws {@link GoInterruptedException}) and {@code main}
     * does not wait for them. A goroutine that dies of that interrupt is not reported.
     * Goroutines started outside the program are left alone.
     * <li>When any goroutine of the program throws, {@code main} throws that exception (Go's
     * panic ending the program), and the program is over as above. An exception thrown by one
     * of its goroutines after that ends nothing more: the goroutine's uncaught-exception
     * handler reports it, as for a goroutine outside any program.
     * <li>When every goroutine of the program is blocked in a go4j operation that only another
     * of them could end (a channel operation, a select, a {@code sync} lock or wait), no go4j
     * timer is pending, and nothing outside the program could end the wait either,
     * {@code main} throws {@link io.go4j.runtime.DeadlockException} ({@code all goroutines are
     * asleep - deadlock!}) with the goroutine dump, within a second. A goroutine sleeping,
     * doing I/O, or blocked in {@code LockSupport.park} or a {@code java.util.concurrent} lock
     * is not asleep: something outside the program may wake it. Outside the program, what
     * could end the wait is a goroutine or platform thread that is running (or blocked in I/O),
     * sleeping, or in a timed wait, including a scheduled executor's thread with a delayed task
     * due: a channel fed by a plain thread, a {@code CompletableFuture} callback or a goroutine
     * started before {@code main} is waited for, as Go's {@code checkdead} waits while any
     * thread runs. What cannot, by itself: threads waiting with no deadline (on a lock, a
     * monitor, a join, a go4j operation), pool threads idle until given a task, the JVM's and
     * go4j's own threads, and a test harness's (JUnit's timeout watcher, Surefire's threads).
     * Virtual threads started without go4j are not seen while they sleep. When unsure, go4j does
     * not report: a missed deadlock only hangs, as Go's undetectable ones do.
     * </ul>
     * {@code main} may run many programs in one JVM, one after another or at once.
     *
     * @param body the program's main function
     * @throws RuntimeException the exception a goroutine of the program threw
     * @throws io.go4j.runtime.DeadlockException if the program deadlocked
     * @throws GoInterruptedException if the calling thread is interrupted while waiting; the
     *     program goes on
     */
    public static void main(Runnable body) {
        Program program = Program.start();
        SchedulerCore.defaultCore().start(() -> {
            body.run();
            if (Race.ENABLED) {
                Race.release(program);
            }
            program.mainReturned();
        }, program);
        program.await();
        if (Race.ENABLED) {
            Race.acquire(program);
        }
    }

    /**
     * Yields the processor so that other goroutines may run: Go's {@code runtime.Gosched()}. On
     * go4j's scheduler the goroutine goes to the back of the global run queue.
     */
    public static void gosched() {
        Thread.yield();
    }
}
