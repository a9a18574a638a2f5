package io.go4j.bench;

/**
 * The values that benchmarks send, boxed once up front so that no benchmark measures
 * {@code Integer} allocation, and the check that a consumer got all of them.
 */
public final class Items {

    /** The largest number of items one producer sends in one invocation. */
    public static final int MAX = 10_000;

    private static final Integer[] VALUES = new Integer[MAX];

    static {
        for (int i = 0; i < MAX; i++) {
            VALUES[i] = i;
        }
    }

    private Items() {
    }

    /** The {@code i}-th item, {@code 0 <= i < MAX}: the value {@code i}. */
    public static Integer get(int i) {
        return VALUES[i];
    }

    /** The sum of the items {@code 0 .. n-1}: what a consumer of one producer must add up. */
    public static long sumOfFirst(int n) {
        return (long) n * (n - 1) / 2;
    }

    /**
     * Fails unless a consumer's total is the expected one: a lost, duplicated or invented item
     * must not pass for a fast channel. Using the total also keeps the JIT from discarding the
     * received values.
     */
    public static void check(long actual, long expected) {
        if (actual != expected) {
            throw new AssertionError("received items add up to " + actual + ", expected "
                    + expected);
        }
    }
}
