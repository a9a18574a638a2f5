package io.go4j.internal.runtime;

/**
 * What go4j knows of one goroutine: Go's {@code g}. It is the task of the goroutine's virtual
 * thread: it runs the body, hands an uncaught exception to the goroutine's {@link Program}, and
 * takes the goroutine out of the books when it ends.
 */
public final class Goroutine implements Runnable, Thread.UncaughtExceptionHandler {

    final GoroutineGroup group;
    /** The {@code Go.main} program the goroutine belongs to, or null. */
    final Program program;
    private final Runnable body;
    /** Set before the thread starts, never changed. */
    Thread thread;
    /** Links in the list of live goroutines ({@link Goroutines}), guarded by its lock. */
    Goroutine prev;
    Goroutine next;

    /** Why the goroutine is blocked in a go4j operation, or null while it is not. */
    volatile WaitReason waitReason;
    /**
     * {@link System#nanoTime()} when it blocked, to within one sysmon period; meaningful while
     * {@code waitReason} is set. Not volatile: written just before {@code waitReason} and read
     * just after it, so the volatile {@code waitReason} publishes it.
     */
    long waitSince;

    Goroutine(GoroutineGroup group, Program program, Runnable body) {
        this.group = group;
        this.program = program;
        this.body = body;
    }

    @Override
    public void run() {
        try {
            body.run();
        } catch (Throwable e) {
            if (program == null) {
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            } else {
                program.fail(e);
            }
        } finally {
            Goroutines.ended(this);
        }
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

    /** @return the goroutine's id: its thread's id */
    public long id() {
        return thread.threadId();
    }

    void block(WaitReason reason) {
        waitSince = Sysmon.coarseNanoTime();
        waitReason = reason;
        if (program != null && reason.asleep()) {
            program.fellAsleep();
        }
    }

    void unblock() {
        WaitReason reason = waitReason;
        waitReason = null;
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
