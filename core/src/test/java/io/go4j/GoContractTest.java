package io.go4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** go4j's own contract for {@link Go} (DESIGN.md): a goroutine is a virtual thread. */
@Timeout(60)
class GoContractTest {

    @Test
    @Timeout(60)
    void goStartsAVirtualThreadThatSeesPriorWrites() throws Exception {
        int[] before = {42};
        int[] seen = {0};
        Thread t = Go.go(() -> seen[0] = before[0]);
        assertTrue(t.isVirtual(), "a goroutine is a virtual thread");
        t.join();
        assertEquals(42, seen[0]);
    }
}
