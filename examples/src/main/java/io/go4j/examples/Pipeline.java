package io.go4j.examples;

import io.go4j.Chan;
import io.go4j.RecvChan;
import io.go4j.Select;
import io.go4j.SendChan;
import io.go4j.sync.WaitGroup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The bounded parallel pipeline of the Go blog's "Go Concurrency Patterns: Pipelines and
 * cancellation" (Sameer Ajmani, 2014): compute the MD5 sum of every file in a tree with three
 * stages, a walker that emits paths, a fixed number of digesters that read and hash files, and
 * the caller that collects the sums. Closing the {@code done} channel on the way out, Go's
 * {@code defer close(done)}, cancels the stages still running when the caller returns early on
 * an error.
 *
 * <p>The file tree is an in-memory fake, so the output is the same everywhere. The second run
 * hits an unreadable file; the program then waits for every stage's goroutine to end, which it
 * could not do if cancellation left one blocked.
 */
public final class Pipeline implements Example {

    /** How many digesters hash files at once: the pipeline's bound on parallelism. */
    static final int DIGESTERS = 4;

    /** How many files the tree of the second run holds besides the unreadable one. */
    static final int MANY = 50;

    /** An in-memory file tree: file contents by path, some of them unreadable. */
    record FileTree(SortedMap<String, String> files, Set<String> unreadable) {

        /** Reads a file, as Go's {@code os.ReadFile}. */
        byte[] read(String path) throws IOException {
            if (unreadable.contains(path)) {
                throw new IOException("open " + path + ": permission denied");
            }
            return files.get(path).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** What a digester found: a path and its sum, or the error reading it. */
    private record Result(String path, byte[] sum, IOException err) {
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String description() {
        return "the Go blog's pipeline: MD5 a file tree with " + DIGESTERS
                + " digesters, cancel on error";
    }

    @Override
    public void run(PrintStream out) {
        FileTree small = new FileTree(new TreeMap<>(Map.of(
                "README", "go4j: Go's concurrency model for Java\n",
                "docs/channels.txt", "a send happens-before the matching receive completes\n",
                "docs/select.txt", "among ready cases, one is chosen at random\n",
                "examples/sieve.txt", "2 3 5 7 11 13\n")), Set.of());
        digest(small, out);

        SortedMap<String, String> files = new TreeMap<>();
        for (int i = 0; i < MANY; i++) {
            files.put(String.format("data/%02d", i), "record " + i + "\n");
        }
        files.put("data/00-secret", "");
        digest(new FileTree(files, Set.of("data/00-secret")), out);
    }

    /**
     * Prints the sum of every file of {@code tree} as {@code md5sum} does, or the error, then
     * waits for every goroutine of the pipeline to end.
     */
    private static void digest(FileTree tree, PrintStream out) {
        WaitGroup stages = new WaitGroup();
        try {
            HexFormat hex = HexFormat.of();
            md5All(tree, stages)
                    .forEach((path, sum) -> out.println(hex.formatHex(sum) + "  " + path));
        } catch (IOException e) {
            out.println("error: " + e.getMessage());
        }
        stages.await();
        out.println("all " + (DIGESTERS + 2) + " pipeline goroutines have ended");
    }

    /**
     * Go's {@code MD5All}: the MD5 sum of every file of {@code tree} by path, or the first
     * error. {@code stages} counts the pipeline's goroutines, which may outlive this call briefly.
     */
    static Map<String, byte[]> md5All(FileTree tree, WaitGroup stages) throws IOException {
        Chan<Void> done = Chan.make();
        try {
            Chan<String> paths = Chan.make();
            Chan<IOException> errc = Chan.make(1);
            stages.go(() -> walkFiles(tree, paths, errc, done));

            Chan<Result> c = Chan.make();
            WaitGroup wg = new WaitGroup();
            for (int i = 0; i < DIGESTERS; i++) {
                wg.go(() -> digester(tree, paths, c, done));
            }
            stages.go(() -> {
                wg.await();
                c.close();
            });

            Map<String, byte[]> m = new TreeMap<>();
            for (Result r : c) {
                if (r.err() != null) {
                    throw r.err();
                }
                m.put(r.path(), r.sum());
            }
            IOException err = errc.receive();
            if (err != null) {
                throw err;
            }
            return m;
        } finally {
            done.close();
        }
    }

    /**
     * Go's {@code walkFiles}: sends every path of the tree, then closes {@code paths} and sends
     * the walk's error, or null, on {@code errc}. Stops with an error when done is closed.
     */
    private static void walkFiles(FileTree tree, SendChan<String> paths, SendChan<IOException> errc,
            RecvChan<Void> done) {
        try {
            for (String path : tree.files().keySet()) {
                if (Select.select(Select.send(paths, path), Select.recv(done)) == 1) {
                    errc.send(new IOException("walk canceled"));
                    return;
                }
            }
            errc.send(null);
        } finally {
            paths.close();
        }
    }

    /**
     * Go's {@code digester}: hashes the files named on {@code paths} until it is closed or done is.
     */
    private static void digester(FileTree tree, RecvChan<String> paths, SendChan<Result> c,
            RecvChan<Void> done) {
        for (String path : paths) {
            Result r;
            try {
                r = new Result(path, md5(tree.read(path)), null);
            } catch (IOException e) {
                r = new Result(path, null, e);
            }
            if (Select.select(Select.send(c, r), Select.recv(done)) == 1) {
                return;
            }
        }
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
