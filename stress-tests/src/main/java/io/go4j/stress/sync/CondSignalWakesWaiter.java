package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.Cond;
import io.go4j.sync.Mutex;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go's {@code sync.Cond}: <em>"Wait atomically unlocks c.L and suspends execution of the calling
 * goroutine. After later resuming execution, Wait locks c.L before returning."</em>; <em>"Signal
 * wakes one goroutine waiting on c, if there is any"</em>; <em>"Broadcast wakes all goroutines
 * waiting on c"</em>. Go memory model: the n'th {@code Unlock} is synchronized before the
 * (n+1)'th {@code Lock} returns.
 *
 * <p>A state change made under the lock, followed by a signal or broadcast, is never missed: a
 * waiter that checked the condition under the lock and went to wait is queued before it released
 * the lock, so the signal, sent after the changer took the lock, finds it. The waiter then relocks
 * and sees the state and a plain field written before it. Waiters loop on the condition under
 * the lock, as Go code does, so whichever actor goes first, every actor finishes.
 *
 * <p>r1 is the data the waiter saw; r2 the number of {@code await()} calls it made: 0 (the
 * condition already held) or 1 (it waited and was woken). More than one would mean an
 * {@code await()} returned before the only signal was sent: go4j's {@code Cond} never wakes a
 * waiter without a signal or broadcast.
 */
public final class CondSignalWakesWaiter {

    private CondSignalWakesWaiter() {
    }

    /**
     * One waiter, one changer that sets the state under the lock and calls {@code signal()}
     * after unlocking (Go allows it: the caller need not hold c.L). The signal then runs
     * outside the lock, racing with the waiter's park and with its relock after the wake-up.
     */
    @JCStressTest
    @Outcome(id = "42, 0", expect = ACCEPTABLE, desc = "The state was already set: no wait.")
    @Outcome(id = "42, 1", expect = ACCEPTABLE,
            desc = "Waited; the signal woke the waiter, which saw the state and data.")
    @Outcome(id = "0, 0", expect = FORBIDDEN,
            desc = "Saw ready without the data written before it.")
    @Outcome(id = "0, 1", expect = FORBIDDEN,
            desc = "Woken, saw ready, but not the data written before it.")
    @Outcome(expect = FORBIDDEN, desc = "Other (an await() returned before the signal).")
    @State
    public static class SignalAfterUnlock {
        final Mutex mu = new Mutex();
        final Cond cond = new Cond(mu);
        boolean ready;
        int data;

        @Actor
        public void changer() {
            data = 42;
            mu.lock();
            ready = true;
            mu.unlock();
            cond.signal();
        }

        @Actor
        public void waiter(II_Result r) {
            int waits = 0;
            mu.lock();
            while (!ready) {
                waits++;
                cond.await();
            }
            r.r1 = data;
            mu.unlock();
            r.r2 = waits;
        }
    }

    /**
     * Both actors are changer and waiter: each sets its own flag under the lock, broadcasts, then
     * waits for the other's flag. The second to take the lock finds the first's flag and wakes
     * it; neither can miss the other. r1/r2: the other's data each saw.
     */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "Each saw the other's flag and the data written before it.")
    @Outcome(expect = FORBIDDEN, desc = "An actor saw the other's flag but not its data.")
    @State
    public static class MutualBroadcast {
        final Mutex mu = new Mutex();
        final Cond cond = new Cond(mu);
        boolean flag1;
        boolean flag2;
        int data1;
        int data2;

        @Actor
        public void actor1(II_Result r) {
            data1 = 1;
            mu.lock();
            flag1 = true;
            cond.broadcast();
            while (!flag2) {
                cond.await();
            }
            r.r1 = data2;
            mu.unlock();
        }

        @Actor
        public void actor2(II_Result r) {
            data2 = 1;
            mu.lock();
            flag2 = true;
            cond.broadcast();
            while (!flag1) {
                cond.await();
            }
            r.r2 = data1;
            mu.unlock();
        }
    }
}
