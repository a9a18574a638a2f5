package io.go4j.race;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shadow stack and its history: what a report rebuilds of an earlier access's stack. */
class ThreadStateTest {

    private static ThreadState state() {
        return new ThreadState(0, 1, Thread.currentThread(), null, new StackTraceElement[0]);
    }

    @Test
    void stackAtRebuildsTheStackOfEveryPositionStillInTheHistory() {
        ThreadState t = state();
        Random random = new Random(42);
        List<int[]> expected = new ArrayList<>();
        int[] stack = new int[0];
        expected.add(stack);
        for (int i = 0; i < 10 * ThreadState.PART; i++) {
            if (stack.length == 0 || random.nextInt(3) > 0) {
                t.call(i);
                stack = Arrays.copyOf(stack, stack.length + 1);
                stack[stack.length - 1] = i;
            } else if (random.nextInt(5) == 0) {
                int d = random.nextInt(stack.length);
                t.cut(d);
                stack = Arrays.copyOf(stack, d);
            } else {
                t.ret();
                stack = Arrays.copyOf(stack, stack.length - 1);
            }
            while (expected.size() < t.position) {
                expected.add(expected.get(expected.size() - 1));
            }
            expected.add(stack);
        }
        for (int at = 0; at < expected.size(); at++) {
            assertArrayEquals(expected.get(at), t.stackAt(at), "position " + at);
        }
    }

    @Test
    void positionsOlderThanTheHistoryAreGone() {
        ThreadState t = state();
        t.call(1);
        int early = t.position;
        for (int i = 0; i < (32768 << 1); i++) {
            t.call(2);
            t.ret();
        }
        assertNull(t.stackAt(early));
        assertArrayEquals(new int[] {1}, t.stackAt(t.position));
    }

    @Test
    void anExceptionCaughtInAMethodEndsItsCallAndThoseAbove() {
        int outer = Sites.method();
        int inner = Sites.method();
        int fromOuter = Sites.add(new Sites.Site("C", "outer", "C.java", 1, -1, outer));
        int fromInner = Sites.add(new Sites.Site("C", "inner", "C.java", 2, -1, inner));
        ThreadState t = state();
        t.call(fromOuter);
        t.call(fromInner);
        t.call(fromInner);
        t.caught(outer);
        assertEquals(0, t.depth());
        assertArrayEquals(new int[0], t.stackAt(t.position));
    }
}
