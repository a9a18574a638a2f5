package io.go4j.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Go;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sysmon's coarse clock, which goroutines read when they block. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SysmonTest {

    @Test
    void coarseClockNeverRunsAheadAndAdvancesWhileAWorkerIsBusy() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(1);
        Go.go(() -> {
            running.countDown();
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });
        running.await();
        try {
            long first = Sysmon.coarseNanoTime();
            while (true) {
                long reading = Sysmon.coarseNanoTime();
                long now = System.nanoTime();
                assertTrue(reading <= now,
                        () -> "coarse clock ahead of System.nanoTime() by " + (reading - now)
                        + " ns");
                if (reading != first) {
                    break;
                }
            }
        } finally {
            stop.set(true);
        }
    }
}
