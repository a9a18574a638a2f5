package io.go4j.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

/**
 * Checks, on the running JVM's real field layout (JOL), that the padding layers of
 * {@link RunQueue} do keep its hot fields apart: HotSpot may reorder the fields of one class, so
 * padding that only relied on declaration order would not.
 */
class RunQueueLayoutTest {

    /** A cache line on the machines go4j targets. */
    private static final int LINE = 64;
    /** Head first, then the owner's fields. */
    private static final List<String> HOT_FIELDS =
            List.of("head", "tail", "runnext", "runnextPuts", "slots");

    static {
        // Layout only: JOL's attempt to attach its agent for object sizes would cost seconds.
        System.setProperty("jol.skipHotspotSAAttach", "true");
    }

    @Test
    void headSitsOnItsOwnCacheLine() {
        ClassLayout layout = ClassLayout.parseClass(RunQueue.class);
        Map<String, Long> offsets = layout.fields().stream()
                .collect(Collectors.toMap(FieldLayout::name, FieldLayout::offset));
        long head = offsets.get("head");
        for (String owners : HOT_FIELDS.subList(1, HOT_FIELDS.size())) {
            long distance = Math.abs(offsets.get(owners) - head);
            assertTrue(distance >= LINE,
                    "head and " + owners + " are " + distance + " bytes apart:\n"
                            + layout.toPrintable());
        }
        assertTrue(head >= LINE, "head shares the header's line:\n" + layout.toPrintable());
        long lastHotField = HOT_FIELDS.stream().mapToLong(offsets::get).max().orElseThrow();
        assertTrue(layout.instanceSize() - lastHotField >= LINE,
                "the owner's fields share the next object's line:\n" + layout.toPrintable());
    }
}
