package io.go4j.sync;

import io.go4j.Go;
import io.go4j.GoInterruptedException;
import io.go4j.context.Context;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CompletionException;

/**
 * A group of goroutines working on subtasks of one task: Go's
 * {@code golang.org/x/sync/errgroup.Group}.
 *
 * <p>{@link #go(Task)} starts a task in a goroutine; {@link #await()} waits for all of them and
 * then reports the first failure. A task fails by throwing, where Go's function returns a
 * non-nil error; anything it throws counts, unchecked exceptions and errors included (Go's
 * panics). {@link #setLimit(int)} bounds how many tasks run at once. The end of every task
 * happens-before {@code await()} returns.
 *
 * <p>Reporting: {@code await()} throws the first failure itself if it is unchecked (a
 * {@link RuntimeException} or an {@link Error}), and a {@link CompletionException} whose cause
 * is the first failure if that is a checked exception; that wrapper's message, and what printing
 * it shows, is the failure's message, as Go prints the error. Later failures are dropped, as in
 * Go.
 *
 * <p>A group made by {@link #withContext} cancels its context, with the failure as
 * {@linkplain Context#cause cause}, as soon as a task fails, and in any case when {@code await()}
 * returns.
 *
 * <p>Built from a {@link WaitGroup} that counts the running tasks and, when there is a limit, a
 * {@link Semaphore} of that size, one unit per running task.
 */
public final class ErrGroup {

    /** A subtask: Go's {@code func() error}, throwing instead of returning an error. */
    @FunctionalInterface
    public interface Task {

        /**
         * Does the work.
         *
         * @throws Exception to report a failure
         */
        void run() throws Exception;
    }

    /**
     * What {@link #withContext} returns: Go's {@code (g, ctx)} pair.
     *
     * @param group the new group
     * @param ctx the context that the group cancels on its first failure or when {@code await()}
     *     returns
     */
    public record WithContext(ErrGroup group, Context ctx) {
    }

    private static final VarHandle FIRST;

    static {
        try {
            FIRST = MethodHandles.lookup().findVarHandle(ErrGroup.class, "first", Throwable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final WaitGroup wg = new WaitGroup();
    /** One unit per running task; null while there is no limit. */
    private volatile Semaphore limit;
    /** The first failure; set once, by CAS from null. */
    private volatile Throwable first;

    /** Cancels the group's context with the first failure as cause; null without a context. */
    private final Context.CancelCauseFunc cancel;

    /** Creates an empty group with no limit: Go's {@code var g errgroup.Group}. */
    public ErrGroup() {
        this(null);
    }

    private ErrGroup(Context.CancelCauseFunc cancel) {
        this.cancel = cancel;
    }

    /**
     * Creates an empty group with no limit and a context derived from {@code ctx}, canceled the
     * first time a task fails or the first time {@link #await()} returns, whichever comes first:
     * Go's {@code errgroup.WithContext(ctx)}. The failure becomes the context's
     * {@linkplain Context#cause cause}.
     *
     * @param ctx the parent context
     * @return the group and its context
     */
    public static WithContext withContext(Context ctx) {
        Context.WithCancelCause c = Context.withCancelCause(ctx);
        return new WithContext(new ErrGroup(c.cancel()), c.ctx());
    }

    /**
     * Runs {@code task} in a new goroutine: Go's {@code Group.Go}. If the group has a limit and
     * that many tasks run, it blocks until one of them ends.
     *
     * @param task the task
     * @throws GoInterruptedException if interrupted while it waits for a free slot; the task was
     *     then not started
     */
    public void go(Task task) {
        Objects.requireNonNull(task, "task");
        Semaphore s = limit;
        if (s != null) {
            s.acquire(1);
        }
        start(task, s);
    }

    /**
     * Runs {@code task} in a new goroutine only if the limit allows it now: Go's
     * {@code Group.TryGo}.
     *
     * @param task the task
     * @return true if the task was started
     */
    public boolean tryGo(Task task) {
        Objects.requireNonNull(task, "task");
        Semaphore s = limit;
        if (s != null && !s.tryAcquire(1)) {
            return false;
        }
        start(task, s);
        return true;
    }

    /**
     * Limits the number of tasks running at once to {@code n}; a negative {@code n} means no
     * limit: Go's {@code Group.SetLimit}. A limit of 0 blocks every {@code go}.
     *
     * @param n the limit, or a negative number for none
     * @throws IllegalStateException if tasks started under the previous limit are still running
     */
    public void setLimit(int n) {
        Semaphore s = limit;
        if (s != null && s.held() != 0) {
            throw new IllegalStateException("errgroup: modify limit while " + s.held()
                    + " goroutines in the group are still active");
        }
        limit = n < 0 ? null : new Semaphore(n);
    }

    /**
     * Blocks until every task has ended, cancels the group's context if it has one, then
     * reports the first failure: Go's {@code Group.Wait}.
     *
     * @throws RuntimeException the first failure, if it is one
     * @throws Error the first failure, if it is one
     * @throws CompletionException wrapping the first failure if it is a checked exception
     * @throws GoInterruptedException if interrupted while it waits
     */
    public void await() {
        wg.await();
        Throwable t = first;
        if (cancel != null) {
            cancel.cancel(t);
        }
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new TaskFailure(t);
    }

    /**
     * A checked failure on its way out of {@link #await()}: prints as the failure's message alone,
     * as Go prints the error {@code Wait} returns, instead of the wrapper's class name followed by
     * the failure's.
     */
    private static final class TaskFailure extends CompletionException {

        TaskFailure(Throwable failure) {
            super(failure.getMessage() != null ? failure.getMessage() : failure.toString(),
                    failure);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    private void start(Task task, Semaphore s) {
        wg.add(1);
        try {
            Go.go(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    if (FIRST.compareAndSet(this, null, t) && cancel != null) {
                        cancel.cancel(t);
                    }
                } finally {
                    if (s != null) {
                        s.release(1);
                    }
                    wg.done();
                }
            });
        } catch (RuntimeException | Error e) {
            if (s != null) {
                s.release(1);
            }
            wg.done(); // the goroutine never started
            throw e;
        }
    }
}
