package io.go4j.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClockTest {

    @Test
    void unknownThreadsAreAtZeroAndSetKeepsOrder() {
        Clock c = new Clock();
        assertEquals(0, c.get(7));
        c.set(9, 3);
        c.set(2, 5);
        c.set(40, 1);
        c.set(5, 8);
        c.set(2, 6);
        assertEquals(4, c.size());
        assertEquals(2, c.tidAt(0));
        assertEquals(5, c.tidAt(1));
        assertEquals(9, c.tidAt(2));
        assertEquals(40, c.tidAt(3));
        assertEquals(6, c.get(2));
        assertEquals(0, c.get(3));
    }

    @Test
    void joinIsThePointwiseMaximum() {
        Clock a = new Clock();
        a.set(1, 4);
        a.set(3, 1);
        Clock b = new Clock();
        b.set(0, 2);
        b.set(3, 7);
        b.set(5, 1);
        a.join(b);
        assertEquals(2, a.get(0));
        assertEquals(4, a.get(1));
        assertEquals(7, a.get(3));
        assertEquals(1, a.get(5));
        assertEquals(4, a.size());
        assertEquals(7, b.get(3), "the argument is left alone");
        assertEquals(3, b.size());
    }

    @Test
    void copyIsIndependentAndMaxOnlyRaises() {
        Clock a = new Clock();
        a.set(1, 4);
        Clock b = a.copy();
        b.max(1, 2);
        b.max(1, 9);
        assertEquals(9, b.get(1));
        assertEquals(4, a.get(1));
    }

    @Test
    void epochPacksThreadAndTime() {
        long e = Clock.epoch(123456, Integer.MAX_VALUE);
        assertEquals(123456, Clock.tid(e));
        assertEquals(Integer.MAX_VALUE, Clock.time(e));
    }
}
