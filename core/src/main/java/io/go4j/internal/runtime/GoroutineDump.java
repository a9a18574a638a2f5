package io.go4j.internal.runtime;

import java.util.List;
import java.util.concurrent.TimeUnit;

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
        StringBuilder out = new StringBuilder();
        long now = System.nanoTime();
        for (Goroutine g : goroutines) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("goroutine ").append(g.id()).append(" [").append(state(g, now)).append("]:\n");
            StackTraceElement[] stack = g.thread.getStackTrace();
            int top = 0;
            while (top < stack.length - 1 && isInternal(stack[top].getClassName())) {
                top++;
            }
            int bottom = stack.length;
            while (bottom > top + 1 && isInternal(stack[bottom - 1].getClassName())) {
                bottom--;
            }
            for (int i = top; i < bottom; i++) {
                out.append("\tat ").append(stack[i]).append('\n');
            }
            CreationSite site = g.createdBy();
            if (site != null) {
                out.append(site.getMessage()).append('\n');
                out.append("\tat ").append(site.getStackTrace()[0]).append('\n');
            }
        }
        return out.toString();
    }

    /** Go's status: the wait reason, with the minutes blocked once there is at least one. */
    private static String state(Goroutine g, long now) {
        WaitReason reason = g.waitReason;
        if (reason != null) {
            long minutes = TimeUnit.NANOSECONDS.toMinutes(now - g.waitSince);
            return minutes == 0 ? reason.toString() : reason + ", " + minutes + (minutes == 1 ? " minute" : " minutes");
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
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("io.go4j.internal.");
    }
}
