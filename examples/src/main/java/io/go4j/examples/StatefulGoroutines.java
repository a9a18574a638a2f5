package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.RecvChan;
import io.go4j.Select;
import io.go4j.sync.WaitGroup;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go by Example, "Stateful Goroutines": instead of a lock, one goroutine owns the state (a map)
 * and the others read and write it by sending it requests, each carrying a channel for the
 * answer.
 *
 * <p>The Go readers and writers loop forever, pausing a millisecond between operations, until
 * the program has run a second, so the counts it prints vary. Here each of them does a fixed
 * number of operations, and the owner of the state stops when the main goroutine closes
 * {@code quit}: the counts are always the same.
 */
public final class StatefulGoroutines implements Example {

    static final int READERS = 100;
    static final int READS_EACH = 100;
    static final int WRITERS = 10;
    static final int WRITES_EACH = 100;

    /** A request for the value at {@code key}, answered on {@code resp}. */
    private record ReadOp(int key, Chan<Integer> resp) {
    }

    /** A request to set {@code key} to {@code val}, acknowledged on {@code resp}. */
    private record WriteOp(int key, int val, Chan<Boolean> resp) {
    }

    @Override
    public String name() {
        return "stateful-goroutines";
    }

    @Override
    public String description() {
        return "Go by Example: one goroutine owns a map; others send it read and write requests";
    }

    @Override
    public void run(PrintStream out) {
        AtomicLong readOps = new AtomicLong();
        AtomicLong writeOps = new AtomicLong();

        Chan<ReadOp> reads = Chan.make();
        Chan<WriteOp> writes = Chan.make();
        Chan<Void> quit = Chan.make();
        Go.go(() -> ownState(reads, writes, quit));

        WaitGroup wg = new WaitGroup();
        for (int r = 0; r < READERS; r++) {
            wg.go(() -> {
                for (int i = 0; i < READS_EACH; i++) {
                    ReadOp read = new ReadOp(ThreadLocalRandom.current().nextInt(5), Chan.make());
                    reads.send(read);
                    read.resp().receive();
                    readOps.incrementAndGet();
                }
            });
        }
        for (int w = 0; w < WRITERS; w++) {
            wg.go(() -> {
                for (int i = 0; i < WRITES_EACH; i++) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    WriteOp write = new WriteOp(random.nextInt(5), random.nextInt(100),
                            Chan.make());
                    writes.send(write);
                    write.resp().receive();
                    writeOps.incrementAndGet();
                }
            });
        }

        wg.await();
        quit.close();
        out.println("readOps: " + readOps.get());
        out.println("writeOps: " + writeOps.get());
    }

    /** Owns the map: serves read and write requests one at a time until quit is closed. */
    private static void ownState(RecvChan<ReadOp> reads, RecvChan<WriteOp> writes,
            RecvChan<Void> quit) {
        Map<Integer, Integer> state = new HashMap<>();
        Select.Chosen chosen = new Select.Chosen();
        while (true) {
            switch (Select.select(chosen, Select.recv(reads), Select.recv(writes),
                    Select.recv(quit))) {
                case 0 -> {
                    ReadOp read = chosen.value();
                    read.resp().send(state.getOrDefault(read.key(), 0));
                }
                case 1 -> {
                    WriteOp write = chosen.value();
                    state.put(write.key(), write.val());
                    write.resp().send(true);
                }
                default -> {
                    return;
                }
            }
        }
    }
}
