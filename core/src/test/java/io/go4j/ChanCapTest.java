package io.go4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's {@code test/chancap.go}, ported: len and cap of buffered and unbuffered channels, and
 * Go's panic for a negative size. (Go's other out-of-range sizes, 1&lt;&lt;59 and MaxInt64, do
 * not fit in a Java {@code int}; the largest {@code int} is a legal capacity, see
 * {@link ApiContractTest}.)
 */
@Timeout(60)
class ChanCapTest {

    @Test
    @Timeout(60)
    void bufferedLenAndCap() {
        Chan<Integer> c = Chan.make(10);
        assertEquals(0, c.len(), "len");
        assertEquals(10, c.cap(), "cap");
        for (int i = 0; i < 3; i++) {
            c.send(i);
        }
        assertEquals(3, c.len(), "len");
        assertEquals(10, c.cap(), "cap");
    }

    @Test
    @Timeout(60)
    void unbufferedLenAndCap() {
        Chan<Integer> c = Chan.make();
        assertEquals(0, c.len(), "len");
        assertEquals(0, c.cap(), "cap");
        Chan<Integer> c0 = Chan.make(0);
        assertEquals(0, c0.len(), "len");
        assertEquals(0, c0.cap(), "cap");
    }

    @Test
    @Timeout(60)
    void negativeSizePanics() {
        for (int n : new int[] {-1, -16, Integer.MIN_VALUE}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Chan.make(n));
            assertEquals("makechan: size out of range", e.getMessage(), "make(chan, " + n + ")");
        }
    }
}
