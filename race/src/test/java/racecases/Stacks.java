package racecases;

import io.go4j.Chan;
import io.go4j.Go;

/**
 * A race whose earlier access is three calls deep, for the report's rebuilt stack of that access.
 * The writer writes, optionally makes {@code calls} more calls (each two events of its history),
 * then lets the reader go through a system property, which the detector does not see as
 * synchronization, so the reader's access races with the write.
 */
public final class Stacks {

    private int x;
    private long sink;

    private Stacks() {
    }

    /**
     * Runs the program.
     *
     * @param args the number of calls the writer makes after its write
     */
    public static void main(String[] args) {
        int calls = Integer.parseInt(args[0]);
        String key = "racecases.Stacks.written";
        Stacks s = new Stacks();
        Go.main(() -> {
            Chan<Integer> done = Chan.make();
            Go.go(() -> {
                s.outer();
                for (int i = 0; i < calls; i++) {
                    s.tick(i);
                }
                System.setProperty(key, "yes");
                done.receive();
            });
            while (System.getProperty(key) == null) {
                Go.gosched();
            }
            s.x = 2;
            done.send(0);
        });
    }

    private void outer() {
        middle();
    }

    private void middle() {
        write();
    }

    private void write() {
        x = 1;
    }

    private void tick(int i) {
        sink += i;
    }
}
