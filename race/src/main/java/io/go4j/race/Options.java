package io.go4j.race;

import java.util.ArrayList;
import java.util.List;

/**
 * The detector's settings: Go's {@code GORACE} environment variable ({@code exitcode},
 * {@code halt_on_error}, {@code log_path}, {@code history_size}) and the agent's own arguments
 * ({@code include} and {@code exclude}: comma-separated package prefixes of the classes to
 * instrument), as in
 * {@code -javaagent:go4j-race.jar=include=com.example,exclude=com.example.gen}.
 */
final class Options {

    /** Go's default exit status for a program in which races were found. */
    int exitCode = 66;
    /** Exit at the first report. */
    boolean haltOnError;
    /** Reports go to {@code logPath.<pid>} instead of stderr, when set. */
    String logPath;
    /** Scales each thread's history, {@code 32K << historySize} events (Go's default 1). */
    int historySize = 1;
    /** Internal names ({@code com/example/}) of the only packages to instrument; empty: all. */
    final List<String> include = new ArrayList<>();
    /**
     * Internal names of packages not to instrument, on top of the JDK's, go4j's and the agent's.
     */
    final List<String> exclude = new ArrayList<>();

    /**
     * Reads {@code GORACE} (space-separated {@code name=value} pairs) and the agent's arguments
     * (comma-separated, or {@code ;}-separated between options). Unknown names are ignored, as
     * in Go.
     */
    static Options parse(String gorace, String agentArgs) {
        Options o = new Options();
        if (gorace != null) {
            for (String pair : gorace.trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    o.set(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        if (agentArgs != null) {
            String key = null;
            for (String part : agentArgs.split("[,;]")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    key = part.substring(0, eq);
                    o.set(key, part.substring(eq + 1));
                } else if (key != null && !part.isEmpty()) {
                    o.set(key, part);
                }
            }
        }
        return o;
    }

    private void set(String name, String value) {
        switch (name) {
            case "exitcode" -> exitCode = parseInt(value, exitCode);
            case "halt_on_error" -> haltOnError = parseInt(value, 0) != 0;
            case "log_path" -> logPath = value.isEmpty() ? null : value;
            case "history_size" -> historySize = Math.max(0, Math.min(7, parseInt(value, 1)));
            case "include" -> include.add(packagePrefix(value));
            case "exclude" -> exclude.add(packagePrefix(value));
            default -> {
                // Go ignores what it does not know, and so does the detector.
            }
        }
    }

    private static String packagePrefix(String javaName) {
        String internal = javaName.replace('.', '/');
        return internal.endsWith("/") ? internal : internal + "/";
    }

    private static int parseInt(String value, int otherwise) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
