package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.RWMutex;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go's {@code sync.RWMutex}: <em>"The lock can be held by an arbitrary number of readers or a
 * single writer."</em> Go memory model: <em>"For any call to l.RLock on a sync.RWMutex variable
 * l, there is an n such that the n'th call to l.Unlock is synchronized before the return from
 * l.RLock, and the matching call to l.RUnlock is synchronized before the return from call n+1 to
 * l.Lock."</em>
 *
 * <p>A writer and a reader are never both inside, and each sees the other's whole critical
 * section or none of it.
 */
public final class RWMutexWriterExcludesReader {

    private RWMutexWriterExcludesReader() {
    }

    /**
     * The writer stores two fields under {@code lock}; the reader loads them under {@code rLock}.
     * It must see both writes (the writer's unlock came first) or neither (its rUnlock came
     * first), never one of the two.
     */
    @JCStressTest
    @Outcome(id = "0, 0", expect = ACCEPTABLE,
            desc = "The reader went first: it saw none of the write.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "The writer went first: the reader saw the whole write.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "Torn: the reader ran while the writer was inside.")
    @Outcome(id = "0, 1", expect = FORBIDDEN,
            desc = "Torn: the reader saw the second write without the first.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class WholeWriteOrNone {
        final RWMutex rw = new RWMutex();
        int x;
        int y;

        @Actor
        public void writer() {
            rw.lock();
            x = 1;
            y = 1;
            rw.unlock();
        }

        @Actor
        public void reader(II_Result r) {
            rw.rLock();
            r.r1 = x;
            r.r2 = y;
            rw.rUnlock();
        }
    }

    /**
     * Dekker-style, both directions: the reader stores its own field under {@code rLock} (it is
     * the only reader, so that is no race) and loads the writer's; the writer stores its field
     * and loads the reader's under {@code lock}. Exactly one of them comes first, so exactly one
     * sees the other's store: both seeing nothing means they overlapped, both seeing the other's
     * store means neither came first.
     */
    @JCStressTest
    @Outcome(id = "0, 1", expect = ACCEPTABLE,
            desc = "The reader went first; the writer saw its store (rUnlock before lock).")
    @Outcome(id = "1, 0", expect = ACCEPTABLE,
            desc = "The writer went first; the reader saw its store (unlock before rLock).")
    @Outcome(id = "0, 0", expect = FORBIDDEN,
            desc = "Neither saw the other: the reader and the writer were inside together.")
    @Outcome(id = "1, 1", expect = FORBIDDEN,
            desc = "Each saw the other's store: no order between the critical sections.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class OneComesFirst {
        final RWMutex rw = new RWMutex();
        int byReader;
        int byWriter;

        @Actor
        public void reader(II_Result r) {
            rw.rLock();
            byReader = 1;
            r.r1 = byWriter;
            rw.rUnlock();
        }

        @Actor
        public void writer(II_Result r) {
            rw.lock();
            byWriter = 1;
            r.r2 = byReader;
            rw.unlock();
        }
    }
}
