package racecases;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.context.Context;
import io.go4j.sync.Cond;
import io.go4j.sync.Mutex;
import io.go4j.sync.Once;
import io.go4j.sync.RWMutex;
import io.go4j.sync.Semaphore;
import io.go4j.sync.WaitGroup;
import io.go4j.time.Time;
import io.go4j.time.Timer;
import java.time.Duration;

/**
 * Go's {@code mutex_test.go}, {@code rwmutex_test.go}, {@code waitgroup_test.go} and
 * {@code sync_test.go}, ported, with go4j's Once, Semaphore and context.
 */
public final class SyncCases {

    private SyncCases() {
    }

    /** TestNoRaceMutex. */
    public static void noRaceMutex() {
        Mutex mu = new Mutex();
        V x = new V();
        Both.run(() -> {
            mu.lock();
            x.v = 1;
            mu.unlock();
        }, () -> {
            mu.lock();
            x.v = 2;
            mu.unlock();
        });
    }

    /** TestRaceMutex: the writes are outside the lock. */
    public static void raceMutex() {
        Mutex mu = new Mutex();
        V x = new V();
        Both.run(() -> {
            x.v = 1;
            mu.lock();
            mu.unlock();
        }, () -> {
            x.v = 2;
            mu.lock();
            mu.unlock();
        });
    }

    /** TestRaceMutex2: two different mutexes. */
    public static void raceMutex2() {
        Mutex mu1 = new Mutex();
        Mutex mu2 = new Mutex();
        V x = new V();
        Both.run(() -> {
            mu1.lock();
            x.v = 1;
            mu1.unlock();
        }, () -> {
            mu2.lock();
            x.v = 2;
            mu2.unlock();
        });
    }

    /** TestNoRaceMutexSemaphore: unlocked by another goroutine than the one that locked. */
    public static void noRaceMutexSemaphore() {
        Mutex mu = new Mutex();
        V x = new V();
        mu.lock();
        Both.run(() -> {
            x.v = 1;
            mu.unlock();
        }, () -> {
            mu.lock();
            x.v = 2;
            mu.unlock();
        });
    }

    /** TestRaceMutexRWMutex: a Mutex and an RWMutex guard nothing together. */
    public static void raceMutexRWMutex() {
        Mutex mu1 = new Mutex();
        RWMutex mu2 = new RWMutex();
        V x = new V();
        Both.run(() -> {
            mu1.lock();
            x.v = 1;
            mu1.unlock();
        }, () -> {
            mu2.lock();
            x.v = 2;
            mu2.unlock();
        });
    }

    /** TestNoRaceRWMutex: a writer and a reader. */
    public static void noRaceRWMutex() {
        RWMutex mu = new RWMutex();
        V x = new V();
        V y = new V();
        Both.run(() -> {
            mu.lock();
            x.v = 1;
            mu.unlock();
        }, () -> {
            mu.rLock();
            y.v = x.v;
            mu.rUnlock();
        });
    }

    /**
     * TestRaceRWMutexMultipleReaders: readers that write race with each other; with three of
     * them two are on the same side of the writer, whatever the schedule.
     */
    public static void raceRWMutexMultipleReaders() {
        RWMutex mu = new RWMutex();
        V x = new V();
        Chan<Boolean> ch = Chan.make(4);
        Go.go(() -> {
            mu.lock();
            x.v = 2;
            mu.unlock();
            ch.send(true);
        });
        for (int r = 1; r <= 3; r++) {
            int add = r;
            Go.go(() -> {
                mu.rLock();
                x.l = x.v + add;
                mu.rUnlock();
                ch.send(true);
            });
        }
        for (int i = 0; i < 4; i++) {
            ch.receive();
        }
    }

    /** TestNoRaceRWMutexMultipleReaders: readers only read; the writer is locked out. */
    public static void noRaceRWMutexMultipleReaders() {
        RWMutex mu = new RWMutex();
        V x = new V();
        Chan<Boolean> ch = Chan.make(3);
        Go.go(() -> {
            mu.lock();
            x.v = 2;
            mu.unlock();
            ch.send(true);
        });
        for (int r = 0; r < 2; r++) {
            Go.go(() -> {
                mu.rLock();
                int seen = x.v;
                mu.rUnlock();
                ch.send(seen > 0);
            });
        }
        ch.receive();
        ch.receive();
        ch.receive();
    }

    /** TestNoRaceWaitGroup. */
    public static void noRaceWaitGroup() {
        int[] x = new int[4];
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < x.length; i++) {
            int k = i;
            wg.add(1);
            Go.go(() -> {
                x[k] = k;
                wg.done();
            });
        }
        wg.await();
        for (int i = 0; i < x.length; i++) {
            x[i]++;
        }
    }

    /** TestRaceWaitGroup: the goroutines write the same element. */
    public static void raceWaitGroup() {
        int[] x = new int[2];
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < 2; i++) {
            wg.go(() -> x[1]++);
        }
        wg.await();
    }

    /** TestRaceWaitGroupAsMutex: done is no unlock. */
    public static void raceWaitGroupAsMutex() {
        V x = new V();
        WaitGroup wg = new WaitGroup();
        Chan<Boolean> c = Chan.make(2);
        for (int g = 0; g < 2; g++) {
            Go.go(() -> {
                wg.add(1);
                x.v++;
                wg.done();
                c.send(true);
            });
        }
        c.receive();
        c.receive();
    }

    /** TestRaceWaitGroupWrongWait: a write after done races with the waiter. */
    public static void raceWaitGroupWrongWait() {
        V x = new V();
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        Both.run(() -> {
            wg.done();
            x.v = 1;
        }, () -> {
            wg.await();
            x.v = 2;
        });
    }

    /** TestNoRaceWaitGroupMultipleWait. */
    public static void noRaceWaitGroupMultipleWait() {
        V x = new V();
        WaitGroup wg = new WaitGroup();
        wg.add(1);
        Go.go(() -> {
            x.v = 1;
            wg.done();
        });
        wg.await();
        wg.await();
        x.v = 2;
    }

    /** TestNoRaceWaitGroupTransitive. */
    public static void noRaceWaitGroupTransitive() {
        V x = new V();
        V y = new V();
        WaitGroup wg = new WaitGroup();
        wg.add(2);
        Go.go(() -> {
            x.v = 42;
            wg.done();
        });
        Go.go(() -> {
            y.v = 43;
            wg.done();
        });
        wg.await();
        x.v += y.v;
    }

    /** TestNoRaceCond. */
    public static void noRaceCond() {
        V x = new V();
        V cond = new V();
        Mutex mu = new Mutex();
        Cond c = new Cond(mu);
        Chan<Boolean> done = Chan.make();
        Go.go(() -> {
            x.v = 1;
            mu.lock();
            cond.v = 1;
            c.signal();
            mu.unlock();
            done.send(true);
        });
        mu.lock();
        while (cond.v == 0) {
            c.await();
        }
        mu.unlock();
        x.v = 2;
        done.receive();
    }

    /** TestRaceCond: the write after the signal races. */
    public static void raceCond() {
        V x = new V();
        V cond = new V();
        Mutex mu = new Mutex();
        Cond c = new Cond(mu);
        Chan<Boolean> done = Chan.make();
        Go.go(() -> {
            mu.lock();
            cond.v = 1;
            c.signal();
            mu.unlock();
            x.v = 1;
            done.send(true);
        });
        mu.lock();
        while (cond.v == 0) {
            c.await();
        }
        mu.unlock();
        x.v = 2;
        done.receive();
    }

    /** TestNoRaceAfterFunc: the function sees what was written before afterFunc. */
    public static void noRaceAfterFunc() {
        V x = new V();
        Chan<Boolean> c = Chan.make();
        x.v = 1;
        Time.afterFunc(Duration.ofMillis(1), () -> {
            x.v = 2;
            c.send(true);
        });
        c.receive();
        x.v = 3;
    }

    /** TestNoRaceAfterFunc3-style: a reset publishes the resetter's writes to the function. */
    public static void noRaceAfterFuncReset() {
        V x = new V();
        Chan<Boolean> c = Chan.make();
        Timer t = Time.afterFunc(Duration.ofHours(1), () -> {
            x.v = 2;
            c.send(true);
        });
        x.v = 1;
        t.reset(Duration.ofMillis(1));
        c.receive();
        x.v = 3;
    }

    /** TestRaceAfterFunc3-style: a write after afterFunc races with the function. */
    public static void raceAfterFunc() {
        V x = new V();
        Chan<Boolean> c = Chan.make(1);
        Time.afterFunc(Duration.ofMillis(1), () -> {
            x.v = 2;
            c.send(true);
        });
        x.v = 1;
        c.receive();
    }

    /** Once: the action's writes happen before every run returns. */
    public static void noRaceOnce() {
        V x = new V();
        Once once = new Once();
        Chan<Boolean> done = Chan.make(2);
        for (int g = 0; g < 2; g++) {
            Go.go(() -> {
                once.run(() -> x.v = 1);
                done.send(x.v == 1);
            });
        }
        done.receive();
        done.receive();
        x.v = 2;
    }

    /** Once: a write outside the action races. */
    public static void raceOnce() {
        V x = new V();
        Once once = new Once();
        Chan<Boolean> done = Chan.make(2);
        for (int g = 0; g < 2; g++) {
            Go.go(() -> {
                once.run(() -> x.v = 1);
                x.l++;
                done.send(true);
            });
        }
        done.receive();
        done.receive();
    }

    /** Semaphore of weight 1 as a mutex. */
    public static void noRaceSemaphore() {
        Semaphore sem = new Semaphore(1);
        V x = new V();
        WaitGroup wg = new WaitGroup();
        for (int g = 0; g < 3; g++) {
            wg.go(() -> {
                sem.acquire(1);
                x.v++;
                sem.release(1);
            });
        }
        wg.await();
        x.v++;
    }

    /** Context: what cancel's caller wrote is visible once done() is seen closed. */
    public static void noRaceContextCancel() {
        V x = new V();
        Context.WithCancel ctx = Context.withCancel(Context.background());
        Go.go(() -> {
            x.v = 1;
            ctx.cancel().cancel();
        });
        ctx.ctx().done().receiveOk();
        x.v = 2;
    }

    /** Context: cancel before done() was ever asked for (the shared closed channel). */
    public static void noRaceContextCancelFirst() {
        V x = new V();
        Context.WithCancel ctx = Context.withCancel(Context.background());
        Chan<Boolean> canceled = Chan.make(1);
        Go.go(() -> {
            x.v = 1;
            ctx.cancel().cancel();
            canceled.send(true);
        });
        while (ctx.ctx().err() == null) {
            Go.gosched();
        }
        ctx.ctx().done().receiveOk();
        x.v = 2;
        canceled.receive();
    }

    /** A write after unlock races with the next holder's write. */
    public static void raceAfterUnlock() {
        Mutex mu = new Mutex();
        V x = new V();
        Chan<Boolean> ch = Chan.make(2);
        for (int g = 0; g < 2; g++) {
            Go.go(() -> {
                mu.lock();
                mu.unlock();
                x.v++;
                ch.send(true);
            });
        }
        ch.receive();
        ch.receive();
    }

    /** Context: a write after cancel races with the goroutine that saw done(). */
    public static void raceAfterContextCancel() {
        V x = new V();
        Context.WithCancel ctx = Context.withCancel(Context.background());
        Both.run(() -> {
            ctx.ctx().done().receiveOk();
            x.v = 1;
        }, () -> {
            ctx.cancel().cancel();
            x.v = 2;
        });
    }

    /** TestRaceWaitGroup2: correct use of the WaitGroup, but the two writers race. */
    public static void raceWaitGroup2() {
        V x = new V();
        WaitGroup wg = new WaitGroup();
        wg.add(2);
        Go.go(() -> {
            x.v = 1;
            wg.done();
        });
        Go.go(() -> {
            x.v = 2;
            wg.done();
        });
        wg.await();
    }

    /** TestNoRaceWaitGroupMultipleWait2: each goroutine waits for both dones. */
    public static void noRaceWaitGroupMultipleWait2() {
        V x = new V();
        WaitGroup wg = new WaitGroup();
        Chan<Boolean> c = Chan.make(2);
        wg.add(2);
        for (int g = 0; g < 2; g++) {
            Go.go(() -> {
                wg.done();
                wg.await();
                c.send(true);
            });
        }
        wg.await();
        c.receive();
        c.receive();
        x.v = 1;
    }

    /** TestNoRaceWaitGroupMultipleWait3: three waiters read what three writers wrote. */
    public static void noRaceWaitGroupMultipleWait3() {
        int[] data = new int[3];
        Chan<Boolean> done = Chan.make(data.length);
        WaitGroup wg = new WaitGroup();
        wg.add(data.length);
        for (int p = 0; p < data.length; p++) {
            int k = p;
            Go.go(() -> {
                data[k] = 42;
                wg.done();
            });
        }
        for (int p = 0; p < data.length; p++) {
            Go.go(() -> {
                wg.await();
                int sum = 0;
                for (int d : data) {
                    sum += d;
                }
                done.send(sum == 3 * 42);
            });
        }
        for (int p = 0; p < data.length; p++) {
            done.receive();
        }
    }

    /** TestNoRaceWaitGroupReuse: one WaitGroup for three rounds. */
    public static void noRaceWaitGroupReuse() {
        int[] data = new int[3];
        WaitGroup wg = new WaitGroup();
        for (int round = 0; round < 3; round++) {
            incrementEach(wg, data);
            wg.await();
            incrementAll(data);
        }
    }

    /** Adds the array's length to the WaitGroup and increments each element in a goroutine. */
    private static void incrementEach(WaitGroup wg, int[] data) {
        wg.add(data.length);
        for (int p = 0; p < data.length; p++) {
            int k = p;
            Go.go(() -> {
                data[k]++;
                wg.done();
            });
        }
    }

    /** Increments each element of the array. */
    private static void incrementAll(int[] data) {
        for (int p = 0; p < data.length; p++) {
            data[p]++;
        }
    }

    /** TestNoRaceWaitGroupReuse2: each round another goroutine waits too, and is waited for. */
    public static void noRaceWaitGroupReuse2() {
        int[] data = new int[3];
        WaitGroup wg = new WaitGroup();
        for (int round = 0; round < 3; round++) {
            incrementEach(wg, data);
            Chan<Boolean> done = Chan.make();
            Go.go(() -> {
                wg.await();
                incrementAll(data);
                done.send(true);
            });
            wg.await();
            done.receive();
            incrementAll(data);
        }
    }

    /**
     * TestNoRaceRWMutexTransitive: two readers and a writer, in any order (Go sleeps to have the
     * writer come between the readers; any order is race-free).
     */
    public static void noRaceRWMutexTransitive() {
        RWMutex mu = new RWMutex();
        V x = new V();
        Chan<Long> ch = Chan.make(2);
        for (int r = 0; r < 2; r++) {
            Go.go(() -> {
                mu.rLock();
                long seen = x.l;
                mu.rUnlock();
                ch.send(seen);
            });
        }
        mu.lock();
        x.l = 42;
        mu.unlock();
        ch.receive();
        ch.receive();
    }

    /**
     * TestNoRaceMutexPureHappensBefore: the second writer waits, under the lock, for a flag the
     * first set under it after writing (Go sleeps between tries; this yields).
     */
    public static void noRaceMutexPureHappensBefore() {
        Mutex mu = new Mutex();
        V x = new V();
        V written = new V();
        Chan<Boolean> ch = Chan.make(2);
        Go.go(() -> {
            x.v = 1;
            mu.lock();
            written.v = 1;
            mu.unlock();
            ch.send(true);
        });
        Go.go(() -> {
            mu.lock();
            while (written.v == 0) {
                mu.unlock();
                Go.gosched();
                mu.lock();
            }
            mu.unlock();
            x.v = 1;
            ch.send(true);
        });
        ch.receive();
        ch.receive();
    }

    /** TestNoRaceMutexExampleFromHtml: the Go memory model's example, unlocked by another. */
    public static void noRaceMutexExampleFromHtml() {
        Mutex l = new Mutex();
        V a = new V();
        l.lock();
        Go.go(() -> {
            a.v = 1;
            l.unlock();
        });
        l.lock();
        a.l = a.v;
    }

    /** TestRaceMutexOverwrite: a new Mutex stored while the old one is locked. */
    public static void raceMutexOverwrite() {
        MutexVar m = new MutexVar();
        Chan<Boolean> c = Chan.make(1);
        Go.go(() -> {
            m.mu = new Mutex();
            c.send(true);
        });
        m.mu.lock();
        c.receive();
    }

    /** TestNoRaceAfterFunc1: a function that schedules itself again until it is done. */
    public static void noRaceAfterFunc1() {
        V i = new V();
        i.v = 2;
        Chan<Boolean> c = Chan.make();
        Runnable[] f = new Runnable[1];
        f[0] = () -> {
            i.v--;
            if (i.v >= 0) {
                Time.afterFunc(Duration.ZERO, f[0]);
            } else {
                c.send(true);
            }
        };
        Time.afterFunc(Duration.ZERO, f[0]);
        c.receive();
    }

    /** TestRaceAfterFunc3: two functions of two timers write the same variable. */
    public static void raceAfterFunc3() {
        V x = new V();
        Chan<Boolean> c = Chan.make(2);
        Time.afterFunc(Duration.ofMillis(10), () -> {
            x.v = 1;
            c.send(true);
        });
        Time.afterFunc(Duration.ofMillis(20), () -> {
            x.v = 2;
            c.send(true);
        });
        c.receive();
        c.receive();
    }

    /** TestRaceGoroutineCreationStack: the writer is four {@code go} statements deep. */
    public static void raceGoroutineCreationStack() {
        V x = new V();
        Chan<Boolean> ch = Chan.make(1);
        Runnable f1 = () -> {
            x.v = 1;
            ch.send(true);
        };
        Runnable f2 = () -> Go.go(f1);
        Runnable f3 = () -> Go.go(f2);
        Runnable f4 = () -> Go.go(f3);
        Go.go(f4);
        x.v = 2;
        ch.receive();
    }

    /** TestRaceAnnounceThreads: goroutines that start goroutines, all writing one variable. */
    public static void raceAnnounceThreads() {
        int n = 7;
        Chan<Boolean> allDone = Chan.make(n);
        V x = new V();
        Runnable g = () -> {
            for (int i = 0; i < 2; i++) {
                Go.go(() -> {
                    x.v = 1;
                    allDone.send(true);
                });
                allDone.send(true);
            }
        };
        Runnable f = () -> {
            x.v = 1;
            Go.go(g);
            Go.go(() -> {
                x.v = 1;
                allDone.send(true);
            });
            x.v = 2;
            allDone.send(true);
        };
        Runnable h = () -> {
            x.v = 1;
            x.v = 2;
            Go.go(f);
            allDone.send(true);
        };
        Go.go(h);
        for (int i = 0; i < n; i++) {
            allDone.receive();
        }
    }

    /** A Go variable holding a Mutex, which one goroutine overwrites as another locks it. */
    static final class MutexVar {
        Mutex mu = new Mutex();
    }
}
