package io.go4j.stress.runtime;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.internal.runtime.RunQueueRace;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The scheduler's lock-free work stealing (Go's {@code runqput}, {@code runqget} and
 * {@code runqsteal}): a worker readying a goroutine into its {@code runnext} slot and taking its
 * next tasks, while another worker steals half of its run queue and then its {@code runnext},
 * takes every task exactly once: none lost, none run twice, {@code runnext} included.
 *
 * <p>The round is {@link RunQueueRace}'s: five tasks, three in the ring and one in
 * {@code runnext} at the start, one readied by the owner during the race. r1 is how many of
 * the five were taken exactly once (by the owner, by the thief, or left in a queue for later);
 * r2 how many the thief got. The owner takes at most one task from the ring before the thief's
 * steal (it takes {@code runnext} first), so the thief finds three or four tasks there and takes
 * two (half, rounded up), then perhaps the one in {@code runnext}.
 */
@JCStressTest
@Outcome(id = "5, 2", expect = ACCEPTABLE,
        desc = "Each task taken once; the thief got half of the ring.")
@Outcome(id = "5, 3", expect = ACCEPTABLE,
        desc = "Each task taken once; the thief got half of the ring and runnext.")
@Outcome(expect = FORBIDDEN,
        desc = "A task was lost or taken twice, or the thief took other than half of the ring.")
@State
public class RunQueueStealTakesEachTaskOnce {

    private final RunQueueRace race = new RunQueueRace();

    @Actor
    public void owner() {
        race.owner();
    }

    @Actor
    public void thief() {
        race.thief();
    }

    @Arbiter
    public void tally(II_Result r) {
        int[] t = race.tally();
        r.r1 = t[0];
        r.r2 = t[1];
    }
}
