package io.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ExamplesTest {

    private static List<String> output(String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Examples.byName(name).orElseThrow().run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void sievePrintsTheFirstPrimes() {
        assertEquals(List.of("2 3 5 7 11 13 17 19 23 29 31 37 41 43 47 53 59 61 67 71 73 79 83 89 97"),
                output("sieve"));
    }

    @Test
    void pingPongAlternatesPlayersAndCountsEveryHit() {
        List<String> lines = output("pingpong");
        assertEquals(PingPong.HITS + 1, lines.size(), lines::toString);
        String first = lines.get(0).split(" ")[0];
        String second = first.equals("ping") ? "pong" : "ping";
        for (int hit = 1; hit <= PingPong.HITS; hit++) {
            assertEquals((hit % 2 == 1 ? first : second) + " " + hit, lines.get(hit - 1));
        }
        assertEquals("game over after " + PingPong.HITS + " hits", lines.get(PingPong.HITS));
    }

    @Test
    void everyExampleHasAUniqueName() {
        assertEquals(Examples.ALL.size(), Examples.ALL.stream().map(Example::name).distinct().count());
        assertTrue(Examples.byName("no-such-example").isEmpty());
    }
}
