package racecases;

import io.go4j.Go;
import io.go4j.sync.Mutex;
import io.go4j.sync.WaitGroup;

/**
 * The seed's lesson: a counter incremented by two goroutines. Run with {@code racy} it races;
 * with {@code mutex} the increments are guarded and it does not.
 */
public final class Counter {

    private int n;

    private Counter() {
    }

    /**
     * Runs the program.
     *
     * @param args {@code racy} or {@code mutex}
     */
    public static void main(String[] args) {
        boolean guarded = args.length > 0 && args[0].equals("mutex");
        Counter c = new Counter();
        Mutex mu = new Mutex();
        Go.main(() -> {
            WaitGroup wg = new WaitGroup();
            for (int g = 0; g < 2; g++) {
                wg.go(() -> {
                    for (int i = 0; i < 1000; i++) {
                        if (guarded) {
                            mu.lock();
                            c.n++;
                            mu.unlock();
                        } else {
                            c.n++;
                        }
                    }
                });
            }
            wg.await();
            System.out.println("counter: " + c.n);
        });
    }
}
