package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.Mutex;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go's sync package: a locked Mutex is not associated with a goroutine; one goroutine may lock
 * it and another unlock it. The Go memory model's rule still holds: unlock n happens-before
 * lock n+1, whichever thread unlocks.
 *
 * <p>The state's constructor locks the mutex. One actor writes {@code x} and {@code y}, then
 * unlocks it, though it never locked it; the other locks it (blocking until that unlock) and
 * must see both writes. Then it unlocks and tries again: the mutex must be free.
 */
@JCStressTest
@Outcome(id = "3, 1", expect = ACCEPTABLE,
        desc = "lock() saw both writes made before the other thread's unlock; the mutex is free "
                + "again.")
@Outcome(id = "[0-2], .*", expect = FORBIDDEN,
        desc = "lock() returned without the unlock happening-before it.")
@Outcome(expect = FORBIDDEN, desc = "Other (the mutex is not free after the unlock).")
@State
public class MutexUnlockedByAnotherThread {

    final Mutex mu = new Mutex();
    int x;
    int y;

    public MutexUnlockedByAnotherThread() {
        mu.lock();
    }

    @Actor
    public void unlocker() {
        x = 1;
        y = 2;
        mu.unlock();
    }

    @Actor
    public void locker(II_Result r) {
        mu.lock();
        r.r1 = x + y;
        mu.unlock();
        boolean free = mu.tryLock();
        if (free) {
            mu.unlock();
        }
        r.r2 = free ? 1 : 0;
    }
}
