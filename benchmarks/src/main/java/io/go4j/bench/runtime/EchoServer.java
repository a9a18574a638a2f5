package io.go4j.bench.runtime;

import io.go4j.bench.Workers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A loopback echo server with a thread per connection, a workload from issue 22: the server
 * accepts {@value #CLIENTS} connections and serves each on its own thread, which reads a
 * {@value #MESSAGE}-byte request and writes it back until the client hangs up; each client, on its
 * own thread too, sends a request and reads the echo in a loop for {@value #SECONDS} s. Every
 * request blocks both sides on socket I/O, so what is measured is how fast the scheduler runs
 * threads that the JDK's I/O poller wakes up.
 *
 * <p>Not a JMH benchmark: one run holds 2,000 sockets and lasts seconds. Prints, per variant, a
 * line in the shape of {@code go test -bench} output, {@code Echo/NAME 1 NS ns/op RATE req/s}
 * (nanoseconds of wall time per request of all clients, and requests per second), and appends it
 * to the output file, if any. Its Go twin is {@code BenchmarkEcho} in
 * {@code benchmarks/go/workload_test.go}, run with {@code -benchtime 1x}.
 *
 * <p>The variants: goroutines on go4j's default scheduler ({@code go4j}), plain JDK virtual
 * threads ({@code virtualThread}) and platform threads ({@code platformThread}). Each runs in a
 * JVM of its own: the JDK's I/O pollers are virtual threads started by the first virtual thread
 * that blocks on I/O, on its scheduler, and serve every virtual thread of the JVM from there. Run
 * in one JVM, the first variant's scheduler hosted the second's pollers (plain virtual threads
 * did 43,000-54,000 requests/s behind go4j's carriers, 80,000-117,000 behind their own).
 *
 * <p>Usage: {@code EchoServer [output-file]} runs every variant, each in a child JVM given the
 * same class path and {@code --add-opens java.base/java.lang=ALL-UNNAMED};
 * {@code EchoServer --variant NAME [output-file]} runs one in this JVM.
 */
public final class EchoServer {

    /** Connections, each with its client and its server thread. */
    static final int CLIENTS = 1_000;
    /** How long the clients send requests. */
    static final int SECONDS = 3;
    /** The size of a request and of its echo. */
    static final int MESSAGE = 64;

    /** A variant: how it starts its threads. */
    private record Variant(String name, Supplier<Workers> workers) {
    }

    private EchoServer() {
    }

    /**
     * Runs each variant, each in a child JVM, or the one named, and reports its throughput.
     *
     * @param args the file to append the lines to, if any, after {@code --variant NAME} if given
     * @throws Exception if a thread failed or hung, or a child JVM failed
     */
    public static void main(String[] args) throws Exception {
        List<Variant> variants = List.of(new Variant("go4j", Workers::goroutines),
                new Variant("virtualThread", Workers::virtualThreads),
                new Variant("platformThread", Workers::platformThreads));
        if (args.length > 0 && args[0].equals("--variant")) {
            Variant v = variants.stream().filter(x -> x.name().equals(args[1])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no variant " + args[1]));
            report(v, run(v.workers().get()), args.length > 2 ? Path.of(args[2]) : null);
            return;
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        for (Variant v : variants) {
            List<String> command = new ArrayList<>(List.of(java, "--add-opens",
                    "java.base/java.lang=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    EchoServer.class.getName(), "--variant", v.name()));
            if (args.length > 0) {
                command.add(args[0]);
            }
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("variant " + v.name() + " exited with " + exit);
            }
        }
    }

    /** Prints a variant's line, and appends it to {@code out} if not null. */
    private static void report(Variant v, long requests, Path out) throws IOException {
        double nsPerRequest = (double) TimeUnit.SECONDS.toNanos(SECONDS) / requests;
        String line = String.format(Locale.ROOT, "Echo/%s 1 %.1f ns/op %.0f req/s", v.name(),
                nsPerRequest, requests / (double) SECONDS);
        System.out.println(line);
        if (out != null) {
            Files.writeString(out, line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** One run: the requests the clients completed in {@value #SECONDS} s. */
    private static long run(Workers w) throws Exception {
        LongAdder requests = new LongAdder();
        try (ServerSocket server = new ServerSocket(0, CLIENTS, InetAddress.getLoopbackAddress())) {
            w.start(() -> {
                for (int i = 0; i < CLIENTS; i++) {
                    Socket s = server.accept();
                    w.spawn(() -> echo(s));
                }
            });
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(SECONDS);
            for (int i = 0; i < CLIENTS; i++) {
                w.start(() -> {
                    try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort())) {
                        s.setTcpNoDelay(true);
                        byte[] buffer = new byte[MESSAGE];
                        OutputStream o = s.getOutputStream();
                        InputStream in = s.getInputStream();
                        while (System.nanoTime() < deadline) {
                            o.write(buffer);
                            in.readNBytes(buffer, 0, MESSAGE);
                            requests.increment();
                        }
                    }
                });
            }
            w.joinAll();
        }
        return requests.sum();
    }

    /** A server thread: echoes requests until the client hangs up. */
    private static void echo(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            byte[] buffer = new byte[MESSAGE];
            InputStream in = s.getInputStream();
            OutputStream o = s.getOutputStream();
            while (in.readNBytes(buffer, 0, MESSAGE) == MESSAGE) {
                o.write(buffer);
            }
        } catch (SocketException e) {
            // The client hung up while a request was in flight: its connection ends here.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
