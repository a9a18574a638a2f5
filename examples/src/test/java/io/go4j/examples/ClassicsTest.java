package io.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The classic concurrent programs. */
@Timeout(30)
class ClassicsTest {

    @Test
    void sievePrintsTheFirstPrimes() {
        assertEquals(List.of("2 3 5 7 11 13 17 19 23 29 31 37 41 43 47 53 59 61 67 71 73 79 83 89 97"),
                Output.of("sieve"));
    }

    @Test
    void pingPongAlternatesPlayersAndCountsEveryHit() {
        List<String> lines = Output.of("pingpong");
        assertEquals(PingPong.HITS + 1, lines.size(), lines::toString);
        String first = lines.get(0).split(" ")[0];
        String second = first.equals("ping") ? "pong" : "ping";
        for (int hit = 1; hit <= PingPong.HITS; hit++) {
            assertEquals((hit % 2 == 1 ? first : second) + " " + hit, lines.get(hit - 1));
        }
        assertEquals("game over after " + PingPong.HITS + " hits", lines.get(PingPong.HITS));
    }
}
