package racecases;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.sync.WaitGroup;
import java.util.Arrays;

/**
 * Starts goroutines by the ten thousand, a thousand alive at a time, each writing its own slot of
 * a shared array: the detector must forget those that ended, or it runs out of memory. With a
 * second argument, {@code alive}, starts that many goroutines that stay alive instead: past Go's
 * limit of 8128 the detector must die as Go's does.
 */
public final class ManyGoroutines {

    private ManyGoroutines() {
    }

    /**
     * Runs the program.
     *
     * @param args the number of batches of a thousand goroutines, or of goroutines then
     *     {@code alive}
     */
    public static void main(String[] args) {
        if (args.length > 1) {
            alive(Integer.parseInt(args[0]));
            return;
        }
        int batches = Integer.parseInt(args[0]);
        int[] slots = new int[1000];
        Go.main(() -> {
            for (int b = 0; b < batches; b++) {
                WaitGroup wg = new WaitGroup();
                for (int i = 0; i < slots.length; i++) {
                    int k = i;
                    wg.go(() -> slots[k]++);
                }
                wg.await();
            }
            System.out.println("sum: " + Arrays.stream(slots).sum());
        });
    }

    private static void alive(int n) {
        Go.main(() -> {
            Chan<Integer> never = Chan.make();
            WaitGroup started = new WaitGroup();
            for (int i = 0; i < n; i++) {
                started.go(never::receive);
            }
            System.out.println("all " + n + " started");
            never.close();
            started.await();
        });
    }
}
