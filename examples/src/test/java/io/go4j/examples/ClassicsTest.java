package io.go4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.examples.EquivalentBinaryTrees.Tree;
import io.go4j.Go;
import io.go4j.junit.CheckGoroutineLeaks;
import io.go4j.junit.DumpGoroutinesOnTimeout;
import io.go4j.junit.GoMain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The classic concurrent programs: prime sieve, ping-pong, daisy chain, Go Tour, Go blog. */
@CheckGoroutineLeaks
@DumpGoroutinesOnTimeout
@Timeout(30)
class ClassicsTest {

    @Test
    void sievePrintsTheFirstPrimes() {
        assertEquals(List.of("2 3 5 7 11 13 17 19 23 29 31 37 41 43 47 53 59 61 67 71 73 79 83 "
                + "89 97"),
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

    @Test
    void daisyChainAddsOnePerGoroutine() {
        assertEquals(List.of(Integer.toString(DaisyChain.GOROUTINES + 1)),
                Output.of("daisy-chain"));
    }

    @Test
    void equivalentBinaryTreesWalkInOrderAndCompare() {
        assertEquals(List.of("walk(newTree(1)): 1 2 3 4 5 6 7 8 9 10",
                        "same(newTree(1), newTree(1)): true",
                        "same(newTree(1), newTree(2)): false"),
                Output.of("equivalent-binary-trees"));
    }

    /** As a Go program: a walker and comparer that deadlocked would fail at once. */
    @RepeatedTest(20)
    @GoMain
    void treesOfDifferentShapesCompareByTheirValues() {
        Tree t = EquivalentBinaryTrees.newTree(3);
        assertTrue(EquivalentBinaryTrees.same(t, EquivalentBinaryTrees.newTree(3)));
        assertFalse(EquivalentBinaryTrees.same(t, t.insert(31)));
        assertFalse(EquivalentBinaryTrees.same(t.insert(31), t));
        assertFalse(EquivalentBinaryTrees.same(t, EquivalentBinaryTrees.newTree(4)));
    }

    @Test
    void webCrawlerFindsEveryPageOnce() {
        List<String> lines = Output.of("web-crawler");
        String root = WebCrawler.ROOT;
        assertEquals("found: " + root + " \"go4j: Go's concurrency for Java\"", lines.get(0));
        assertEquals(Stream.of(
                        "found: " + root + " \"go4j: Go's concurrency for Java\"",
                        "found: " + root + "docs/ \"Documentation\"",
                        "found: " + root + "docs/channels/ \"Channels\"",
                        "found: " + root + "docs/select/ \"Select\"",
                        "found: " + root + "examples/ \"Examples\"",
                        "not found: " + root + "examples/sieve/").sorted().toList(),
                lines.stream().sorted().toList());
    }

    @Test
    void pipelineSumsEveryFileAndStopsEveryStageOnAnError() {
        String ended = "all " + (Pipeline.DIGESTERS + 2) + " pipeline goroutines have ended";
        assertEquals(List.of(
                        "9603cb8dcf88df31076a51630dd6bc97  README",
                        "7683ecad2959df4ebee3eb7f6aec1705  docs/channels.txt",
                        "88ecc8adbacfc0dc483b6eb239f46def  docs/select.txt",
                        "04117b3d5844e4216484c6fe14b57024  examples/sieve.txt",
                        ended,
                        "error: open data/00-secret: permission denied",
                        ended),
                Output.of("pipeline"));
    }

    @Test
    void googleSearchCollectsEveryKindWhenTheReplicasAreFast() {
        List<String> lines = Output.of("google-search");
        assertEquals(2, lines.size() - (lines.get(0).equals("timed out") ? 1 : 0), lines::toString);
        List<String> results = new ArrayList<>();
        Go.main(() -> results.addAll(GoogleSearch.google("golang", Duration.ZERO, System.out)));
        assertEquals(List.of("image", "video", "web"),
                results.stream().map(r -> r.replaceAll("[12] result for \"golang\"", "")).sorted()
                        .toList());
    }

    @Test
    void googleSearchTimesOutOnReplicasThatNeverAnswer() {
        List<String> lines = Output.capture(out ->
                Go.main(() -> out.println(GoogleSearch.google("golang", Duration.ofHours(1),
                        out))));
        assertEquals(List.of("timed out", "[]"), lines);
    }

    /** The semaphore package's example output, as Go prints it. */
    @Test
    void semaphoreWorkerPoolComputesEveryCollatzStoppingTime() {
        assertEquals(List.of("[0 1 7 2 5 8 16 3 19 6 14 9 9 17 17 4 12 20 20 7 7 15 15 10 23 10 "
                + "111 18 18 18 106 5]"),
                Output.of("semaphore-worker-pool"));
    }

    /** Every feed's items come once each, in the feed's order; closing reports no error. */
    @Test
    void subscribeMergesTheFeedsWithoutDuplicates() {
        List<String> lines = Output.of("subscribe");
        assertEquals(10, lines.size(), lines::toString);
        for (String feed : List.of("blog.golang.org", "googleblog.blogspot.com",
                "googledevelopers.blogspot.com")) {
            assertEquals(List.of(feed + " Item 1", feed + " Item 2", feed + " Item 3"),
                    lines.stream().filter(l -> l.startsWith(feed + " ")).toList());
        }
        assertEquals("closed: null", lines.get(9));
    }
}
