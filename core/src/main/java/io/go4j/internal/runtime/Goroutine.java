package io.go4j.internal.runtime;

import io.go4j.GoInterruptedException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What go4j knows of one goroutine: Go's {@code g}. It is the task of the goroutine's virtual
 * thread: it runs the body, hands an uncaught exception to the goroutine's {@link Program}, and
 * takes the goroutine out of the books when it ends.
 */
public final class Goroutine implements Runnable, Thread.UncaughtExceptionHandler {

    private static final VarHandle WAIT_REASON;

    static {
        try {
            WAIT_REASON = MethodHandles.lookup()
                    .findVarHandle(Goroutine.class, "waitReason", WaitReason.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final SchedulerCore scheduler;
    /** The {@code Go.main} program the goroutine belongs to, or null. */
    final Program program;
    private final Runnable body;
    /** Set before the thread starts, never changed. */
    Thread thread;
    /** Links in the list of live goroutines ({@link Goroutines}), guarded by its lock. */
    Goroutine prev;
    Goroutine next;

    /**
     * Why the goroutine is blocked in a go4j operation, or null while it is not. Only the
     * goroutine writes it, on the way into and out of every blocking wait, with release stores:
     * a volatile store's fence would cost every park. Its readers need no more. A dump's view
     * may lag by a moment. The deadlock check counts a goroutine as asleep only if its thread
     * is also parked, and parking is a volatile write of the thread's state that follows the
     * store of the reason; waking is followed by {@link Program#wokeUp}, an atomic update that
     * publishes the null stored before it.
     */
    volatile WaitReason waitReason;
    /**
     * {@link System#nanoTime()} when it blocked, to within one sysmon period; meaningful while
     * {@code waitReason} is set. Not volatile: written just before {@code waitReason} and read
     * just after it, so the volatile {@code waitReason} publishes it.
     */
    long waitSince;

    Goroutine(SchedulerCore scheduler, Program program, Runnable body) {
        this.scheduler = scheduler;
        this.program = program;
        this.body = body;
    }

    /**
     * Runs the body. What it throws ends its program, if it has one still running; a goroutine
     * that dies of the interrupt by which its program's end, or its scheduler's close, stopped
     * it is not reported (Go's goroutines end silently with the process); anything else goes to
     * the thread's uncaught-exception handler, as from any goroutine outside a program.
     */
    @Override
    public void run() {
        try {
            body.run();
        } catch (Throwable e) {
            CreationSite site = createdBy();
            if (site != null) {
                e.addSuppressed(site);
            }
            if (!(program != null && program.fail(e)) && !stoppedByEnd(e)) {
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            }
        } finally {
            Goroutines.ended(this);
        }
    }

    /** @return true if {@code e} is the interrupt sent by the end of the program or scheduler */
    private boolean stoppedByEnd(Throwable e) {
        return e instanceof GoInterruptedException
                && (scheduler.isClosed() || (program != null && program.isOver()));
    }

    /**
     * Reports an exception that ended a goroutine outside any program: through the default
     * handler if the application set one, else naming the goroutine (goroutine threads have no
     * name). Being the thread's handler is also how a goroutine finds this object
     * ({@link Goroutines#current()}).
     */
    @Override
    public void uncaughtException(Thread t, Throwable e) {
        Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
        if (handler != null) {
            handler.uncaughtException(t, e);
        } else {
            System.err.print("Exception in goroutine " + t.threadId() + " ");
            e.printStackTrace();
        }
    }

    /**
     * @return where the goroutine was started, or null when its scheduler does not record that
     *     (kept with the body rather than in a field, so that a goroutine costs no more when off)
     */
    CreationSite createdBy() {
        return body instanceof CreationSite.Started started ? started.site() : null;
    }

    /** @return the goroutine's id: its thread's id */
    public long id() {
        return thread.threadId();
    }

    void block(WaitReason reason) {
        waitSince = Sysmon.coarseNanoTime();
        WAIT_REASON.setRelease(this, reason);
        if (program != null && reason.asleep()) {
            program.fellAsleep();
        }
    }

    void unblock() {
        WaitReason reason = waitReason;
        WAIT_REASON.setRelease(this, null);
        if (program != null && reason.asleep()) {
            program.wokeUp();
        }
    }

    /**
     * @return true if the goroutine waits in a go4j operation that only another goroutine can
     *     end, and its thread is parked (not merely about to park, nor woken and queued)
     */
    boolean asleep() {
        WaitReason reason = waitReason;
        return reason != null && reason.asleep() && thread.getState() == Thread.State.WAITING;
    }
}
