package io.go4j.internal.runtime;

import java.util.Map;
import java.util.Set;

/**
 * Whether anything outside a {@code Go.main} program could still end the wait of its goroutines:
 * the last question deadlock detection asks, so that a program waiting for a callback, a
 * platform thread or a goroutine of its own elsewhere is not called deadlocked. Go's
 * {@code checkdead} stays silent while any thread runs or sits in a system call; this is the
 * JVM's version of that rule.
 *
 * <p>Could wake the program: a goroutine outside it, or a platform thread, that is running (or
 * blocked in I/O, which the JDK shows as running), sleeping, or in a timed wait of its own,
 * including a scheduled executor's thread waiting for its next delayed task. Could not, by
 * itself: a thread waiting with no deadline (parked in a go4j operation or any lock, joining,
 * waiting on a monitor), a pool thread idle until it is given a task (a
 * {@link java.util.concurrent.ThreadPoolExecutor} or {@link java.util.concurrent.ForkJoinPool}
 * worker, the JDK's virtual-thread carriers among them), and threads that never run an
 * application's code: the JVM's own (thread group {@code system}, the JDK's innocuous service
 * threads), go4j's own (workers, sysmon, timer threads), and a test harness's
 * ({@link #HARNESS_PREFIXES}: JUnit's timeout watcher, Surefire's stream and command threads;
 * without this a test runner's idle threads would turn detection off in every test).
 *
 * <p>Not seen: virtual threads started without go4j while they sleep or park (their carriers
 * show only the running ones).
 */
final class OutsideWakers {

    /** Name prefixes of the threads a test harness keeps beside the tests it runs. */
    static final Set<String> HARNESS_PREFIXES = Set.of("junit-", "surefire-");

    private OutsideWakers() {
    }

    /** @return true if a goroutine outside {@code program}, or a platform thread, could wake it */
    static boolean anyCouldWake(Program program) {
        for (Goroutine g : Goroutines.select(g -> g.program != program)) {
            if (mayAct(g.thread.getState())) {
                return true;
            }
        }
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (!t.isVirtual() && mayAct(t.getState()) && runsApplicationCode(t)
                    && !idleInPool(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Running, sleeping or in a timed wait: the thread may act without anybody waking it. */
    private static boolean mayAct(Thread.State state) {
        return state == Thread.State.RUNNABLE || state == Thread.State.TIMED_WAITING
                || state == Thread.State.NEW;
    }

    private static boolean runsApplicationCode(Thread t) {
        if (t instanceof RuntimeThread || t == Thread.currentThread()) {
            return false;
        }
        ThreadGroup group = t.getThreadGroup();
        if (group == null || group.getParent() == null
                || t.getClass().getName().equals("jdk.internal.misc.InnocuousThread")) {
            return false;
        }
        String name = t.getName();
        return HARNESS_PREFIXES.stream().noneMatch(name::startsWith);
    }

    /**
     * A pool thread waiting to be given a task: a {@code ThreadPoolExecutor} worker in
     * {@code getTask} (unless a delayed task is due later: a scheduled executor's queue waits
     * for it with a deadline) or a {@code ForkJoinPool} worker in {@code awaitWork}.
     */
    private static boolean idleInPool(StackTraceElement[] stack) {
        boolean delayedTaskPending = false;
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            String method = frame.getMethodName();
            if (type.endsWith("ScheduledThreadPoolExecutor$DelayedWorkQueue")) {
                delayedTaskPending = true;
            } else if (type.equals("java.util.concurrent.ThreadPoolExecutor")
                    && method.equals("getTask")) {
                return !delayedTaskPending;
            } else if (type.equals("java.util.concurrent.ForkJoinPool")
                    && method.equals("awaitWork")) {
                return true;
            }
        }
        return false;
    }
}
