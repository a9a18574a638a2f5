package io.go4j;

import io.go4j.internal.race.Race;
import io.go4j.internal.runtime.GoroutineGroup;
import io.go4j.internal.runtime.Program;

/**
 * Goroutines: Go's {@code go} statement, {@code func main} and {@code runtime.Gosched}.
 *
 * <p>A goroutine is a virtual thread run by the {@linkplain io.go4j.runtime.Scheduler#defaultScheduler()
 * default scheduler}. Everything a goroutine does before it starts another happens-before the
 * new one's body runs, as Go's memory model says of {@code go}.
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
        return GoroutineGroup.defaultGroup().start(body);
    }

    /**
     * Runs {@code body} as the main goroutine of a Go program and waits for it to return: Go's
     * {@code func main}. The program's goroutines are the main goroutine and every goroutine
     * started from one of them, transitively (on any scheduler).
     *
     * <ul>
     * <li>When {@code body} returns, {@code main} returns. Goroutines still running are left
     * running (Go would end them with the process).
     * <li>When any goroutine of the program throws, {@code main} throws that exception (Go's
     * panic ending the program).
     * <li>When every goroutine of the program is blocked in a go4j operation that only another
     * of them could end (a channel operation, a select, a {@code sync} lock or wait) with no
     * timer pending, {@code main} throws {@link io.go4j.runtime.DeadlockException} ({@code all
     * goroutines are asleep - deadlock!}) with the goroutine dump, within a second. A goroutine
     * sleeping, doing I/O, or blocked in {@code LockSupport.park} or a
     * {@code java.util.concurrent} lock is not asleep: something outside the program may wake
     * it.
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
        GoroutineGroup.defaultGroup().start(() -> {
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
