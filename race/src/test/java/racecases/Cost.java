package racecases;

import io.go4j.Chan;
import io.go4j.Go;

/**
 * The detector's cost, run with and without the agent (see race/README.md, "What it costs"): a
 * channel-heavy workload (two goroutines passing 200,000 values back and forth over unbuffered
 * channels) and a field-heavy one (10,000,000 iterations of three reads and three writes of a
 * field and an array in one goroutine). Prints ns per message or per iteration, three rounds.
 */
public final class Cost {

    private int n;
    private int[] a = new int[1024];

    private Cost() {
    }

    /**
     * Runs a workload.
     *
     * @param args {@code chan} or {@code fields}
     */
    public static void main(String[] args) {
        boolean chan = args[0].equals("chan");
        Go.main(() -> {
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                int ops = chan ? pingPong() : fields();
                System.out.printf("%s round %d: %.1f ns/op%n", args[0], round,
                        (System.nanoTime() - start) / (double) ops);
            }
        });
    }

    private static int pingPong() {
        int count = 200_000;
        Chan<Integer> ping = Chan.make();
        Chan<Integer> pong = Chan.make();
        Go.go(() -> {
            for (int i = 0; i < count; i++) {
                pong.send(ping.receive());
            }
        });
        for (int i = 0; i < count; i++) {
            ping.send(i);
            pong.receive();
        }
        return count;
    }

    private static int fields() {
        int count = 10_000_000;
        Cost c = new Cost();
        for (int i = 0; i < count; i++) {
            c.n += c.a[i & 1023];
            c.a[i & 1023] = i;
        }
        if (c.n == 42) {
            System.out.println("unlikely");
        }
        return count;
    }
}
