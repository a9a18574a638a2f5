package io.go4j.bench;

/**
 * The "local work" that Go's runtime and sync benchmarks put between two synchronizing
 * operations ({@code for i := 0; i < n; i++ { foo *= 2; foo /= 2 }}), so that every twin burns
 * the same CPU the same way.
 */
public final class LocalWork {

    private LocalWork() {
    }

    /**
     * Runs {@code rounds} rounds of {@code foo *= 2; foo /= 2} and returns {@code foo}; the caller
     * keeps the result (in a field or a later check) so that the JIT cannot drop the loop.
     */
    public static int run(int foo, int rounds) {
        for (int i = 0; i < rounds; i++) {
            foo *= 2;
            foo /= 2;
        }
        return foo;
    }
}
