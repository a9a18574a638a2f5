package io.go4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDK's I/O pollers are virtual threads that run on the scheduler of the virtual thread that
 * first blocked on I/O. When that was a goroutine of a scheduler since closed, every later
 * wake-up of a poller started a carrier thread of its own, for every virtual thread of the JVM:
 * go4j must start the pollers on its default scheduler instead. Checked in a JVM of its own
 * (the pollers start once per JVM), running {@link #main}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClosedSchedulerIoTest {

    private static final int ROUND_TRIPS = 200;

    @Test
    void socketsOfPlainVirtualThreadsNeedNoNewThreadsAfterTheSchedulerThatFirstUsedOneCloses()
            throws IOException, InterruptedException {
        String out = SchedulingTest.runInOwnJvm(ClosedSchedulerIoTest.class);
        String[] words = out.split(" ");
        assertEquals("started", words[0], out);
        int started = Integer.parseInt(words[1]);
        assertTrue(started < 20, "threads started for " + ROUND_TRIPS
                + " round trips after the close: " + started);
    }

    /**
     * The child JVM: a goroutine of a created scheduler is the first virtual thread to block on
     * a socket; the scheduler closes; then two plain virtual threads exchange messages, and it
     * prints how many threads the JVM started meanwhile.
     */
    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            try (Scheduler s = Scheduler.create(2)) {
                CountDownLatch done = new CountDownLatch(1);
                s.go(() -> {
                    echo(server, 10);
                    done.countDown();
                });
                done.await();
            }
            long before = threadsStarted();
            Thread.ofVirtual().start(() -> echo(server, ROUND_TRIPS)).join();
            System.out.println("started " + (threadsStarted() - before));
        }
    }

    /**
     * {@code ThreadMXBean.getTotalStartedThreadCount()}, called reflectively: the tests are
     * compiled into go4j's module, which does not read {@code java.management}; the child JVM
     * runs them from the class path, which reads every module.
     */
    private static long threadsStarted() throws ReflectiveOperationException {
        Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
        Object bean = factory.getMethod("getThreadMXBean").invoke(null);
        return (long) Class.forName("java.lang.management.ThreadMXBean")
                .getMethod("getTotalStartedThreadCount").invoke(bean);
    }

    /** A client and a server virtual thread exchange {@code n} one-byte messages. */
    private static void echo(ServerSocket server, int n) {
        Thread serving = Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                for (int b; (b = in.read()) >= 0; ) {
                    out.write(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort())) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (int i = 0; i < n; i++) {
                out.write(i & 0x7f);
                if (in.read() != (i & 0x7f)) {
                    throw new IllegalStateException("wrong echo at " + i);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            serving.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
