package io.go4j.race;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes races in Go's format, each pair of source locations once, counts them, and makes the
 * JVM exit with {@code exitcode} (66) at the end when there were any, as Go's {@code -race}.
 */
final class Reporter {

    private static final String RULE = "==================";
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Set<Long> SEEN = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger FOUND = new AtomicInteger();
    private static Options options = new Options();
    private static PrintStream out = System.err;

    private Reporter() {
    }

    /** Takes the options; opens {@code log_path.<pid>} if set; arranges the exit status. */
    static void start(Options o) {
        options = o;
        if (o.logPath != null) {
            try {
                out = new PrintStream(new FileOutputStream(o.logPath + "." + ProcessHandle.current()
                        .pid(), true), true);
            } catch (IOException e) {
                System.err.println("go4j-race: cannot open log_path " + o.logPath + ": " + e);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(Reporter::atExit, "go4j-race exit"));
    }

    /** @return how many races were reported so far */
    static int found() {
        return FOUND.get();
    }

    /** Frames of the detector, go4j's internals and the JDK's thread machinery: not shown. */
    private static final List<String> HIDDEN = List.of("io.go4j.race.", "io.go4j.internal.",
            "java.lang.VirtualThread", "jdk.internal.");

    /**
     * The current thread's stack from its caller of the detector down, without the frames of
     * the detector, of go4j's internals and of the JDK's thread machinery.
     */
    static StackTraceElement[] stack(int depth) {
        return WALKER.walk(frames -> frames
                .filter(f -> !f.getClassName().equals("java.lang.Thread")
                        && HIDDEN.stream().noneMatch(f.getClassName()::startsWith))
                .limit(depth)
                .map(StackWalker.StackFrame::toStackTraceElement)
                .toArray(StackTraceElement[]::new));
    }

    /**
     * The earlier access of a race.
     *
     * @param epoch its thread's number and time
     * @param site its instruction
     * @param position its thread's history position then
     * @param write whether it wrote
     */
    record Earlier(long epoch, int site, int position, boolean write) {
    }

    static void race(Object where, int key, ThreadState current, int site, boolean write,
            Earlier earlier) {
        ThreadState.Who who = current.who;
        int prevSite = earlier.site();
        long pair = site < prevSite ? (long) site << 32 | prevSite : (long) prevSite << 32 | site;
        if (!SEEN.add(pair)) {
            return;
        }
        StackTraceElement[] stack = stack(32);
        String address = String.format("0x%08x%04x",
                where == null ? 0xC0000000 : System.identityHashCode(where), key & 0xFFFF);
        StringBuilder b = new StringBuilder();
        b.append(RULE).append('\n').append("WARNING: DATA RACE\n");
        b.append(write ? "Write" : "Read").append(" at ").append(address).append(" by ")
                .append(who.name()).append(":\n");
        appendStack(b, stack);
        b.append('\n');
        ThreadState.Who prevWho = Detector.who(earlier.epoch());
        b.append(earlier.write() ? "Previous write" : "Previous read").append(" at ")
                .append(address).append(" by ")
                .append(prevWho == null ? "unknown goroutine" : prevWho.name())
                .append(":\n");
        appendEarlierStack(b, earlier);
        appendCreation(b, who, true);
        if (prevWho != null && prevWho != who) {
            appendCreation(b, prevWho, prevWho.running());
        }
        b.append(RULE).append('\n');
        int n;
        synchronized (Reporter.class) {
            out.print(b);
            out.flush();
            n = FOUND.incrementAndGet();
        }
        if (options.haltOnError) {
            summary(n);
            Runtime.getRuntime().halt(options.exitCode);
        }
    }

    /**
     * The earlier access's frame, then the instrumented calls in progress then, innermost first,
     * rebuilt from its thread's history; Go's {@code [failed to restore the stack]} when that
     * part of the history is gone (the thread ended, or went on for longer than
     * {@code history_size} keeps).
     */
    private static void appendEarlierStack(StringBuilder b, Earlier earlier) {
        b.append(Sites.get(earlier.site()).frame()).append('\n');
        ThreadState owner = Detector.live(earlier.epoch());
        int[] calls = owner == null ? null : owner.stackAt(earlier.position());
        if (calls == null) {
            b.append("  [failed to restore the stack]\n");
            return;
        }
        for (int i = calls.length - 1; i >= 0; i--) {
            b.append(Sites.get(calls[i]).frame()).append('\n');
        }
    }

    /** Go's detector's end when it cannot go on: the message, then the exit status. */
    static void die(String message) {
        synchronized (Reporter.class) {
            out.println(message);
            out.flush();
        }
        Runtime.getRuntime().halt(options.exitCode);
    }

    private static void appendStack(StringBuilder b, StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            b.append("  ").append(f.getClassName()).append('.').append(f.getMethodName())
                    .append("()\n      ")
                    .append(f.getFileName() == null ? "unknown" : f.getFileName()).append(':')
                    .append(f.getLineNumber()).append('\n');
        }
    }

    private static void appendCreation(StringBuilder b, ThreadState.Who who, boolean running) {
        if (who.mainThread() || who.createdAt().length == 0) {
            return;
        }
        b.append('\n').append("Goroutine ").append(who.goid())
                .append(running ? " (running)" : " (finished)")
                .append(" created at:\n");
        appendStack(b, who.createdAt());
    }

    private static void summary(int n) {
        synchronized (Reporter.class) {
            out.println("Found " + n + " data race(s)");
            out.flush();
        }
    }

    private static void atExit() {
        int n = FOUND.get();
        if (n > 0) {
            summary(n);
            Runtime.getRuntime().halt(options.exitCode);
        }
    }
}
