package io.go4j.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.stress.soak.ChannelStress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quick pass of {@link ChannelStress}: 32 workers for 10 seconds as goroutines, then 10 as
 * platform threads. The seed is printed; {@code -Dgo4j.stress.seed=N} replays a run's operation
 * sequences.
 */
class ChannelStressTest {

    private static final int GOROUTINES = Integer.getInteger("go4j.stress.goroutines", 32);

    @ParameterizedTest(name = "goroutines: {0}")
    @ValueSource(booleans = {true, false})
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyValueOnceInOrderNobodyLeftBlocked(boolean goroutines) {
        long seed = Long.getLong("go4j.stress.seed", System.nanoTime());
        System.out.println("ChannelStressTest seed " + seed + " (replay: -Dgo4j.stress.seed=" + seed
                + ")");
        ChannelStress.Report report = ChannelStress.run(
                new ChannelStress.Config(seed, Duration.ofSeconds(10), GOROUTINES,
                        Duration.ofSeconds(2), goroutines));
        System.out.println(report.summary());
        assertEquals(List.of(), report.violations(), "seed " + seed);
        assertTrue(report.valuesMoved() > 0, "no value moved; seed " + seed);
    }
}
