package racecases;

import io.go4j.Go;
import io.go4j.sync.WaitGroup;

/**
 * What a {@code Go.main} program wrote is read by the thread that called {@code Go.main}, after it
 * returned.
 */
public final class MainReturns {

    private MainReturns() {
    }

    /**
     * Runs the program.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        int[] results = new int[4];
        Go.main(() -> {
            WaitGroup wg = new WaitGroup();
            for (int i = 0; i < results.length; i++) {
                int k = i;
                wg.go(() -> results[k] = k * k);
            }
            wg.await();
            results[0] = -1;
        });
        int sum = 0;
        for (int r : results) {
            sum += r;
        }
        System.out.println("sum: " + sum);
    }
}
