package io.go4j.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.stress.soak.ChannelStress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The quick pass of {@link ChannelStress}: 20 seconds, 32 workers. The seed is printed;
 * {@code -Dgo4j.stress.seed=N} replays a run's operation sequences.
 *
 * <p>The workers are platform threads: as goroutines (virtual threads on the JDK's scheduler)
 * they livelock within seconds, every one of them spinning in {@code Chan.lockContended} with
 * {@code Thread.yield()}, a bug of the channel lock that is reported, not fixed here. Switch
 * {@code virtual} to true in the config once it is fixed.
 */
class ChannelStressTest {

    private static final int GOROUTINES = Integer.getInteger("go4j.stress.goroutines", 32);

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyValueOnceInOrderNobodyLeftBlocked() {
        long seed = Long.getLong("go4j.stress.seed", System.nanoTime());
        System.out.println("ChannelStressTest seed " + seed + " (replay: -Dgo4j.stress.seed=" + seed + ")");
        ChannelStress.Report report = ChannelStress.run(
                new ChannelStress.Config(seed, Duration.ofSeconds(20), GOROUTINES, Duration.ofSeconds(2), false));
        System.out.println(report.summary());
        assertEquals(List.of(), report.violations(), "seed " + seed);
        assertTrue(report.valuesMoved() > 0, "no value moved; seed " + seed);
    }
}
