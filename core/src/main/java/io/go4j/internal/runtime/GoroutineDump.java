package io.go4j.internal.runtime;

import io.go4j.runtime.GoroutineInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Formats goroutines the way Go's runtime prints them on a crash or a deadlock:
 * {@code goroutine 21 [chan receive, 3 minutes]:} followed by its stack, innermost call first,
 * without the frames of the JDK and of go4j's internals that sit on top of every blocked
 * goroutine and at the bottom of every goroutine.
 */
final class GoroutineDump {

    private GoroutineDump() {
    }

    static String format(List<Goroutine> goroutines) {
        return describe(goroutines).stream().map(GoroutineInfo::toString)
                .collect(Collectors.joining("\n"));
    }

    static List<GoroutineInfo> describe(List<Goroutine> goroutines) {
        long now = System.nanoTime();
        List<GoroutineInfo> described = new ArrayList<>(goroutines.size());
        for (Goroutine g : goroutines) {
            StackTraceElement[] stack = g.thread.getStackTrace();
            int top = 0;
            while (top < stack.length - 1 && isInternal(stack[top].getClassName())) {
                top++;
            }
            int bottom = stack.length;
            while (bottom > top + 1 && isInternal(stack[bottom - 1].getClassName())) {
                bottom--;
            }
            CreationSite site = g.createdBy();
            String createdBy = site == null ? null : site.getMessage() + "\n\tat "
                    + site.getStackTrace()[0];
            described.add(new GoroutineInfo(g.thread, state(g, now),
                    Arrays.asList(stack).subList(top, bottom), createdBy));
        }
        return described;
    }

    /** Go's status: the wait reason, with the minutes blocked once there is at least one. */
    private static String state(Goroutine g, long now) {
        WaitReason reason = g.waitReason;
        if (reason != null) {
            long minutes = TimeUnit.NANOSECONDS.toMinutes(now - g.waitSince);
            return minutes == 0 ? reason.toString() : reason + ", " + minutes
                    + (minutes == 1 ? " minute" : " minutes");
        }
        return switch (g.thread.getState()) {
            case NEW -> "runnable";
            case RUNNABLE -> VirtualThreads.isMounted(g.thread) ? "running" : "runnable";
            case BLOCKED -> "synchronized";
            case WAITING -> "waiting";
            case TIMED_WAITING -> "sleep";
            case TERMINATED -> "dead";
        };
    }

    private static boolean isInternal(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.")
                || className.startsWith("sun.")
                || className.startsWith("io.go4j.internal.");
    }
}
