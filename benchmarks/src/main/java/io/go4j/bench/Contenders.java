package io.go4j.bench;

import com.softwaremill.jox.Channel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * The channels of the JVM contenders for a given capacity, as the benchmarks with a
 * {@code capacity} parameter build them: 0 is a rendezvous (Go's unbuffered channel).
 */
final class Contenders {

    private Contenders() {
    }

    /** Jox's rendezvous channel for 0, else its buffered channel of {@code capacity}. */
    static <T> Channel<T> jox(int capacity) {
        return capacity == 0
                ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(capacity);
    }

    /** {@link SynchronousQueue} for 0, else {@link ArrayBlockingQueue} of {@code capacity}. */
    static <T> BlockingQueue<T> jdkQueue(int capacity) {
        return capacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(capacity);
    }
}
