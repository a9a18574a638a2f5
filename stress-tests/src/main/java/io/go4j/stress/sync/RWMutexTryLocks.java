package io.go4j.stress.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.sync.RWMutex;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Go's {@code RWMutex.TryLock} / {@code TryRLock}: a writer excludes readers and other writers,
 * readers share. Racing non-blocking attempts on a free RWMutex must respect that, and must not
 * both fail (each fails only because the other one succeeded).
 */
public final class RWMutexTryLocks {

    private RWMutexTryLocks() {
    }

    /** {@code tryLock} against {@code tryRLock}; the arbiter then tries a read lock. */
    @JCStressTest
    @Outcome(id = "1, 0, 0", expect = ACCEPTABLE,
            desc = "The writer won; the reader and the arbiter were refused.")
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE,
            desc = "The reader won; another reader (the arbiter) may join.")
    @Outcome(id = "1, 1, .*", expect = FORBIDDEN, desc = "A writer and a reader inside at once.")
    @Outcome(id = "0, 0, .*", expect = FORBIDDEN, desc = "Both refused on a free RWMutex.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class WriterVersusReader {
        final RWMutex rw = new RWMutex();

        @Actor
        public void writer(III_Result r) {
            r.r1 = rw.tryLock() ? 1 : 0;
        }

        @Actor
        public void reader(III_Result r) {
            r.r2 = rw.tryRLock() ? 1 : 0;
        }

        @Arbiter
        public void anotherReader(III_Result r) {
            r.r3 = rw.tryRLock() ? 1 : 0;
        }
    }

    /**
     * Two readers: both get in; once both read-unlocked, a writer gets in (the reader count went
     * back to zero).
     */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
            desc = "Both readers shared the lock; after them a writer got in.")
    @Outcome(expect = FORBIDDEN, desc = "A reader was refused, or the reader count was corrupted.")
    @State
    public static class TwoReaders {
        final RWMutex rw = new RWMutex();

        @Actor
        public void first(III_Result r) {
            r.r1 = rw.tryRLock() ? 1 : 0;
            if (r.r1 == 1) {
                rw.rUnlock();
            }
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = rw.tryRLock() ? 1 : 0;
            if (r.r2 == 1) {
                rw.rUnlock();
            }
        }

        @Arbiter
        public void writer(III_Result r) {
            r.r3 = rw.tryLock() ? 1 : 0;
        }
    }
}
