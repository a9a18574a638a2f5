package io.go4j.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsAreGos() {
        Options o = Options.parse(null, null);
        assertEquals(66, o.exitCode);
        assertFalse(o.haltOnError);
        assertNull(o.logPath);
        assertEquals(1, o.historySize);
        assertTrue(o.include.isEmpty() && o.exclude.isEmpty());
    }

    @Test
    void goraceIsSpaceSeparatedAndIgnoresWhatItDoesNotKnow() {
        Options o = Options.parse(" exitcode=3  halt_on_error=1 history_size=5 log_path=/tmp/r "
                + "atexit_sleep_ms=0 ", null);
        assertEquals(3, o.exitCode);
        assertTrue(o.haltOnError);
        assertEquals("/tmp/r", o.logPath);
        assertEquals(5, o.historySize);
    }

    @Test
    void historySizeIsClampedToGosRange() {
        assertEquals(7, Options.parse("history_size=9", null).historySize);
        assertEquals(0, Options.parse("history_size=-1", null).historySize);
    }

    @Test
    void badNumbersKeepTheDefault() {
        assertEquals(66, Options.parse("exitcode=x", null).exitCode);
    }

    @Test
    void agentArgumentsNamePackages() {
        Options o = Options.parse(null, "include=com.example,org.acme.,exclude=com.example.gen");
        assertEquals(List.of("com/example/", "org/acme/"), o.include);
        assertEquals(List.of("com/example/gen/"), o.exclude);
    }
}
