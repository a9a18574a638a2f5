package com.example;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.runtime.Scheduler;

/**
 * A Go program, as a user of go4j writes one: a goroutine sends 1 to 10 on a channel and closes
 * it; main sums what it receives. It prints which scheduler ran the goroutines and exits with
 * status 1 unless it was go4j's.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the program.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Scheduler.Mode mode = Scheduler.defaultScheduler().mode();
        System.out.println("scheduler " + mode + ", sum " + sum());
        if (mode != Scheduler.Mode.GO4J) {
            System.exit(1);
        }
    }

    /**
     * Go's {@code func main}: a goroutine sends, the main goroutine receives.
     *
     * @return the sum of 1 to 10
     */
    static int sum() {
        int[] total = {0};
        Go.main(() -> {
            Chan<Integer> numbers = Chan.make();
            Go.go(() -> {
                for (int i = 1; i <= 10; i++) {
                    numbers.send(i);
                }
                numbers.close();
            });
            for (int n : numbers) {
                total[0] += n;
            }
        });
        return total[0];
    }
}
