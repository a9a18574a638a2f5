package io.go4j.race;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What instrumented code calls. The agent inserts these calls into application classes (field
 * and array accesses, monitors, {@code Thread.start}/{@code join}, {@code Object.wait}, calls
 * into {@code java.util.concurrent}) and into go4j's {@code io.go4j.internal.race.Race} (whose
 * methods {@link #go}, {@link #release}, {@link #acquire}, {@link #releaseRead} and
 * {@link #acquireRead} take over). Not an API for programs: public only so that code in any
 * package and module can call it.
 */
public final class Hooks {

    /** The one clock that every call into {@code java.util.concurrent} releases and acquires. */
    private static final Object CONCURRENT = new Object();

    private Hooks() {
    }

    /**
     * A read of an instance field.
     *
     * @param obj the object
     * @param field the field's number
     * @param site the instruction's number
     */
    public static void read(Object obj, int field, int site) {
        if (obj != null) {
            ThreadState t = Detector.current();
            Detector.access(t, Detector.fieldCell(t, obj, field), site, false, obj);
        }
    }

    /**
     * A write of an instance field.
     *
     * @param obj the object
     * @param field the field's number
     * @param site the instruction's number
     */
    public static void write(Object obj, int field, int site) {
        if (obj != null) {
            ThreadState t = Detector.current();
            Detector.access(t, Detector.fieldCell(t, obj, field), site, true, obj);
        }
    }

    /**
     * Before a call into an instrumented class: the call goes on the thread's shadow stack.
     *
     * @param site the call's instruction
     */
    public static void call(int site) {
        Detector.current().call(site);
    }

    /** After a call into an instrumented class returned: it leaves the shadow stack. */
    public static void ret() {
        Detector.current().ret();
    }

    /**
     * At the start of an exception handler: the calls that the exception ended leave the shadow
     * stack.
     *
     * @param method the number of the method whose handler it is
     */
    public static void caught(int method) {
        Detector.current().caught(method);
    }

    /**
     * A read of a static field.
     *
     * @param field the field's number
     * @param site the instruction's number
     */
    public static void readStatic(int field, int site) {
        Detector.access(Detector.current(), Detector.staticCell(field), site, false, null);
    }

    /**
     * A write of a static field.
     *
     * @param field the field's number
     * @param site the instruction's number
     */
    public static void writeStatic(int field, int site) {
        Detector.access(Detector.current(), Detector.staticCell(field), site, true, null);
    }

    /**
     * A read of an array element (any element type).
     *
     * @param array the array
     * @param index the index
     * @param site the instruction's number
     */
    public static void readElement(Object array, int index, int site) {
        ThreadState t = Detector.current();
        Detector.access(t, Detector.elementCell(t, array, index), site, false, array);
    }

    /**
     * A write of an array element (any element type).
     *
     * @param array the array
     * @param index the index
     * @param site the instruction's number
     */
    public static void writeElement(Object array, int index, int site) {
        ThreadState t = Detector.current();
        Detector.access(t, Detector.elementCell(t, array, index), site, true, array);
    }

    /**
     * After a read of a volatile instance field: acquires what its writes released.
     *
     * @param obj the object
     * @param field the field's number
     */
    public static void readVolatile(Object obj, int field) {
        if (obj != null) {
            ThreadState t = Detector.current();
            Detector.volatileRead(t, Detector.fieldCell(t, obj, field));
        }
    }

    /**
     * Before a write of a volatile instance field: releases into it.
     *
     * @param obj the object
     * @param field the field's number
     */
    public static void writeVolatile(Object obj, int field) {
        if (obj != null) {
            ThreadState t = Detector.current();
            Detector.volatileWrite(t, Detector.fieldCell(t, obj, field));
        }
    }

    /**
     * After a read of a volatile static field.
     *
     * @param field the field's number
     */
    public static void readVolatileStatic(int field) {
        Detector.volatileRead(Detector.current(), Detector.staticCell(field));
    }

    /**
     * Before a write of a volatile static field.
     *
     * @param field the field's number
     */
    public static void writeVolatileStatic(int field) {
        Detector.volatileWrite(Detector.current(), Detector.staticCell(field));
    }

    /**
     * A synchronizing object was released (a monitor exit; go4j's unlock, send, ...).
     *
     * @param sync the object; null is ignored
     */
    public static void release(Object sync) {
        Detector.release(sync, false);
    }

    /**
     * A synchronizing object was acquired (a monitor enter; go4j's lock, receive, ...).
     *
     * @param sync the object; null is ignored
     */
    public static void acquire(Object sync) {
        Detector.acquire(sync, false);
    }

    /**
     * go4j's channel send completed, under the channel's lock.
     *
     * @param chan the channel
     * @param capacity its capacity
     * @param parked the parked receiver that took the value, or null if it went to the buffer
     */
    public static void chanSend(Object chan, int capacity, Thread parked) {
        Detector.chanSend(chan, capacity, parked);
    }

    /**
     * go4j's channel receive completed, under the channel's lock.
     *
     * @param chan the channel
     * @param capacity its capacity
     * @param parked the parked sender whose value it took, or null if it came from the buffer
     */
    public static void chanReceive(Object chan, int capacity, Thread parked) {
        Detector.chanReceive(chan, capacity, parked);
    }

    /**
     * A parked sender's value went into the slot that a receive freed, under the channel's lock.
     *
     * @param chan the channel
     * @param capacity its capacity
     * @param parked the sender
     */
    public static void chanRefill(Object chan, int capacity, Thread parked) {
        Detector.chanRefill(chan, capacity, parked);
    }

    /**
     * go4j's {@code RWMutex.rUnlock}: releases into the readers' clock.
     *
     * @param sync the RWMutex
     */
    public static void releaseRead(Object sync) {
        Detector.release(sync, true);
    }

    /**
     * go4j's {@code RWMutex.lock}: acquires the readers' clock.
     *
     * @param sync the RWMutex
     */
    public static void acquireRead(Object sync) {
        Detector.acquire(sync, true);
    }

    /**
     * go4j is about to start a goroutine.
     *
     * @param child the goroutine's thread, not started yet
     */
    public static void go(Thread child) {
        Detector.fork(child, false);
    }

    /**
     * Before a call of {@code start()} on an object that may be a thread.
     *
     * @param maybeThread the receiver
     */
    public static void starting(Object maybeThread) {
        if (maybeThread instanceof Thread t && t.getState() == Thread.State.NEW) {
            Detector.fork(t, true);
        }
    }

    /**
     * After a call of {@code join()} or {@code join(long)} on an object that may be a thread.
     *
     * @param maybeThread the receiver
     */
    public static void joined(Object maybeThread) {
        if (maybeThread instanceof Thread t && !t.isAlive()) {
            Detector.joined(t);
        }
    }

    /**
     * Replaces {@code Thread.startVirtualThread(task)}.
     *
     * @param task the thread's task
     * @return the started thread
     */
    public static Thread startVirtualThread(Runnable task) {
        Thread t = Thread.ofVirtual().unstarted(task);
        Detector.fork(t, true);
        t.start();
        return t;
    }

    /**
     * Replaces {@code builder.start(task)} on a {@code Thread.Builder}.
     *
     * @param builder the builder
     * @param task the thread's task
     * @return the started thread
     */
    public static Thread start(Thread.Builder builder, Runnable task) {
        Thread t = builder.unstarted(task);
        Detector.fork(t, true);
        t.start();
        return t;
    }

    /**
     * Replaces {@code obj.wait()}: waiting gives up the monitor and takes it back.
     *
     * @param obj the monitor
     * @throws InterruptedException as {@link Object#wait()}
     */
    public static void await(Object obj) throws InterruptedException {
        Detector.release(obj, false);
        try {
            obj.wait();
        } finally {
            Detector.acquire(obj, false);
        }
    }

    /**
     * Replaces {@code obj.wait(millis)}.
     *
     * @param obj the monitor
     * @param millis as {@link Object#wait(long)}
     * @throws InterruptedException as {@link Object#wait(long)}
     */
    public static void await(Object obj, long millis) throws InterruptedException {
        Detector.release(obj, false);
        try {
            obj.wait(millis);
        } finally {
            Detector.acquire(obj, false);
        }
    }

    /**
     * Wraps a task given to {@code java.util.concurrent} (an executor's {@code execute} or
     * {@code submit}, {@code CompletableFuture.runAsync}, ...): what the caller did before
     * happens-before the task runs, and the task's end is published like a call into the package,
     * so that {@code Future.get} and its kin see it.
     *
     * @param task the task
     * @return the task to hand over instead
     */
    public static Runnable task(Runnable task) {
        return task == null ? null : new Handed<>(task);
    }

    /**
     * As {@link #task(Runnable)}, for a {@code Callable}.
     *
     * @param <V> the task's result
     * @param task the task
     * @return the task to hand over instead
     */
    public static <V> Callable<V> task(Callable<V> task) {
        return task == null ? null : new Handed<>(task);
    }

    /**
     * As {@link #task(Runnable)}, for a {@code Supplier} ({@code CompletableFuture.supplyAsync}).
     *
     * @param <V> the task's result
     * @param task the task
     * @return the task to hand over instead
     */
    public static <V> Supplier<V> task(Supplier<V> task) {
        return task == null ? null : new Handed<>(task);
    }

    /**
     * Replaces {@code scheduler.schedule(task, delay, unit)}: the task is wrapped as by
     * {@link #task(Runnable)}.
     *
     * @param scheduler the receiver
     * @param task the task
     * @param delay as {@link ScheduledExecutorService#schedule(Runnable, long, TimeUnit)}
     * @param unit the delay's unit
     * @return what the scheduler returns
     */
    public static ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Runnable task,
            long delay, TimeUnit unit) {
        return scheduler.schedule(task(task), delay, unit);
    }

    /**
     * Replaces {@code scheduler.schedule(task, delay, unit)} for a {@code Callable}.
     *
     * @param <V> the task's result
     * @param scheduler the receiver
     * @param task the task
     * @param delay as {@link ScheduledExecutorService#schedule(Callable, long, TimeUnit)}
     * @param unit the delay's unit
     * @return what the scheduler returns
     */
    public static <V> ScheduledFuture<V> schedule(ScheduledExecutorService scheduler,
            Callable<V> task, long delay, TimeUnit unit) {
        return scheduler.schedule(task(task), delay, unit);
    }

    /**
     * Replaces {@code scheduler.scheduleAtFixedRate(...)}: each run starts after the submitter's
     * past and after the run before it.
     *
     * @param scheduler the receiver
     * @param task the task
     * @param initialDelay as {@link ScheduledExecutorService#scheduleAtFixedRate}
     * @param period the period
     * @param unit the unit of both
     * @return what the scheduler returns
     */
    public static ScheduledFuture<?> scheduleAtFixedRate(ScheduledExecutorService scheduler,
            Runnable task, long initialDelay, long period, TimeUnit unit) {
        return scheduler.scheduleAtFixedRate(task(task), initialDelay, period, unit);
    }

    /**
     * Replaces {@code scheduler.scheduleWithFixedDelay(...)}; see
     * {@link #scheduleAtFixedRate}.
     *
     * @param scheduler the receiver
     * @param task the task
     * @param initialDelay as {@link ScheduledExecutorService#scheduleWithFixedDelay}
     * @param delay the delay between runs
     * @param unit the unit of both
     * @return what the scheduler returns
     */
    public static ScheduledFuture<?> scheduleWithFixedDelay(ScheduledExecutorService scheduler,
            Runnable task, long initialDelay, long delay, TimeUnit unit) {
        return scheduler.scheduleWithFixedDelay(task(task), initialDelay, delay, unit);
    }

    /**
     * Replaces {@code executor.invokeAll(tasks)}: each task is wrapped as by
     * {@link #task(Callable)}.
     *
     * @param <T> the tasks' result
     * @param executor the receiver
     * @param tasks the tasks
     * @return what the executor returns
     * @throws InterruptedException as {@link ExecutorService#invokeAll(Collection)}
     */
    public static <T> List<Future<T>> invokeAll(ExecutorService executor,
            Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return executor.invokeAll(tasks(tasks));
    }

    /**
     * Replaces {@code executor.invokeAll(tasks, timeout, unit)}.
     *
     * @param <T> the tasks' result
     * @param executor the receiver
     * @param tasks the tasks
     * @param timeout as {@link ExecutorService#invokeAll(Collection, long, TimeUnit)}
     * @param unit the timeout's unit
     * @return what the executor returns
     * @throws InterruptedException as the executor's method
     */
    public static <T> List<Future<T>> invokeAll(ExecutorService executor,
            Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        return executor.invokeAll(tasks(tasks), timeout, unit);
    }

    /**
     * Replaces {@code executor.invokeAny(tasks)}.
     *
     * @param <T> the tasks' result
     * @param executor the receiver
     * @param tasks the tasks
     * @return what the executor returns
     * @throws InterruptedException as {@link ExecutorService#invokeAny(Collection)}
     * @throws ExecutionException as the executor's method
     */
    public static <T> T invokeAny(ExecutorService executor, Collection<? extends Callable<T>> tasks)
            throws InterruptedException, ExecutionException {
        return executor.invokeAny(tasks(tasks));
    }

    /**
     * Replaces {@code executor.invokeAny(tasks, timeout, unit)}.
     *
     * @param <T> the tasks' result
     * @param executor the receiver
     * @param tasks the tasks
     * @param timeout as {@link ExecutorService#invokeAny(Collection, long, TimeUnit)}
     * @param unit the timeout's unit
     * @return what the executor returns
     * @throws InterruptedException as the executor's method
     * @throws ExecutionException as the executor's method
     * @throws TimeoutException as the executor's method
     */
    public static <T> T invokeAny(ExecutorService executor, Collection<? extends Callable<T>> tasks,
            long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return executor.invokeAny(tasks(tasks), timeout, unit);
    }

    private static <T> List<Callable<T>> tasks(Collection<? extends Callable<T>> tasks) {
        List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
        for (Callable<T> t : tasks) {
            wrapped.add(task(t));
        }
        return wrapped;
    }

    /**
     * A task handed to another thread: made in the submitter, it publishes the submitter's past;
     * run, it takes that first and publishes its own end last, to the next run of a periodic
     * task too.
     *
     * @param <V> the task's result
     */
    private static final class Handed<V> implements Runnable, Callable<V>, Supplier<V> {
        private final Object task;

        Handed(Object task) {
            this.task = task;
            Detector.release(this, false);
        }

        /** @return the shadow stack's depth, for {@link #ended} */
        private int started() {
            Detector.acquire(this, false);
            return Detector.current().depth();
        }

        /** Publishes the end; the task's calls leave the shadow stack even if it threw. */
        private void ended(int depth) {
            Detector.current().cut(depth);
            Detector.release(this, false);
            Detector.release(CONCURRENT, false);
        }

        @Override
        public void run() {
            int depth = started();
            try {
                ((Runnable) task).run();
            } finally {
                ended(depth);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public V call() throws Exception {
            int depth = started();
            try {
                return ((Callable<V>) task).call();
            } finally {
                ended(depth);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get() {
            int depth = started();
            try {
                return ((Supplier<V>) task).get();
            } finally {
                ended(depth);
            }
        }
    }

    /**
     * Before a call into {@code java.util.concurrent}: all such calls are ordered with each
     * other, a coarse model of its locks, atomics, queues and maps that never invents a race
     * between code that they synchronize, and may hide some.
     */
    public static void beforeConcurrent() {
        Detector.release(CONCURRENT, false);
    }

    /** After a call into {@code java.util.concurrent}; see {@link #beforeConcurrent()}. */
    public static void afterConcurrent() {
        Detector.acquire(CONCURRENT, false);
    }
}
