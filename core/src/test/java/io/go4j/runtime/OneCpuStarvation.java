package io.go4j.runtime;

import io.go4j.Go;

/**
 * {@link SchedulingTest}'s starvation program on the default scheduler, run in a JVM started
 * with {@code -XX:ActiveProcessorCount=1}: prints how many milliseconds the third goroutine
 * waited behind the ping-pong pair.
 */
final class OneCpuStarvation {

    private OneCpuStarvation() {
    }

    public static void main(String[] args) {
        if (Scheduler.defaultScheduler().procs() != 1) {
            throw new IllegalStateException("expected one proc, got "
                    + Scheduler.defaultScheduler());
        }
        System.out.println(SchedulingTest.starvationMillis(Go::go));
    }
}
