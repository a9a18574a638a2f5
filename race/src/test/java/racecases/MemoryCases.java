package racecases;

import io.go4j.Chan;
import io.go4j.Go;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code mop_test.go}, {@code slice_test.go}, {@code comp_test.go} and
 * {@code atomic_test.go}, ported (Go's atomics become {@code java.util.concurrent.atomic}), and
 * Java's own synchronization: volatile, synchronized, Thread.start and join.
 */
public final class MemoryCases {

    /** A Go package-level variable. */
    static int global;
    static volatile boolean ready;

    private MemoryCases() {
    }

    /** TestRaceIntRWClosures. */
    public static void raceIntReadWrite() {
        V x = new V();
        V y = new V();
        Both.run(() -> {
            y.v = x.v;
        }, () -> {
            x.v = 1;
        });
    }

    /** TestNoRaceIntRWClosures. */
    public static void noRaceIntReadWrite() {
        V x = new V();
        V y = new V();
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            y.v = x.v;
            ch.send(true);
        });
        ch.receive();
        Go.go(() -> {
            x.v = 1;
            ch.send(true);
        });
        ch.receive();
    }

    /** TestRaceIntRWGlobalFuncs: a package variable. */
    public static void raceGlobal() {
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            global = 1;
            ch.send(true);
        });
        int seen = global;
        ch.receive();
        global = seen;
    }

    /** TestNoRaceReadRead: reads never race. */
    public static void noRaceReadRead() {
        V x = new V();
        x.v = 7;
        Chan<Integer> ch = Chan.make(2);
        for (int g = 0; g < 2; g++) {
            Go.go(() -> ch.send(x.v));
        }
        ch.receive();
        ch.receive();
    }

    /** TestRaceLong: a 64-bit field. */
    public static void raceLong() {
        V x = new V();
        Both.run(() -> {
            x.l = 1L;
        }, () -> {
            x.l = 2L;
        });
    }

    /** TestRaceStructFieldRW: one field of a struct. */
    public static void raceStructField() {
        V s = new V();
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            s.p = s;
            ch.send(true);
        });
        V seen = s.p;
        ch.receive();
        s.l = seen == null ? 0 : 1;
    }

    /** TestNoRaceStructFieldRW: different fields of one struct do not race. */
    public static void noRaceDifferentFields() {
        V s = new V();
        Both.run(() -> {
            s.v = 1;
        }, () -> {
            s.l = 2;
        });
    }

    /** TestRaceSliceWW: one element written by two goroutines. */
    public static void raceArrayElement() {
        int[] a = new int[10];
        Both.run(() -> {
            a[1] = 1;
        }, () -> {
            a[1] = 2;
        });
    }

    /** TestNoRaceSliceWW: different elements do not race. */
    public static void noRaceArrayDifferentElements() {
        int[] a = new int[10];
        Both.run(() -> {
            a[1] = 1;
        }, () -> {
            a[2] = 2;
        });
    }

    /** TestRaceSliceRW on an array of references. */
    public static void raceObjectArray() {
        Object[] a = new Object[2];
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            a[0] = "x";
            ch.send(true);
        });
        Object seen = a[0];
        ch.receive();
        a[1] = seen;
    }

    /** TestRaceArrayLong: 64-bit elements. */
    public static void raceLongArray() {
        long[] a = new long[2];
        Both.run(() -> {
            a[0] += 1;
        }, () -> {
            a[0] = 5;
        });
    }

    /** TestNoRaceAtomicAddInt64: the second to add writes what the first one wrote. */
    public static void noRaceAtomicAdd() {
        V x1 = new V();
        V x2 = new V();
        AtomicLong s = new AtomicLong();
        Both.run(() -> {
            x1.v = 1;
            if (s.incrementAndGet() == 2) {
                x2.v = 1;
            }
        }, () -> {
            x2.v = 1;
            if (s.incrementAndGet() == 2) {
                x1.v = 1;
            }
        });
    }

    /** TestRaceAtomicAddInt64: the plain access races with the other goroutine's. */
    public static void raceAtomicAdd() {
        V x = new V();
        AtomicInteger n = new AtomicInteger();
        Both.run(() -> {
            n.incrementAndGet();
            x.v = 1;
        }, () -> {
            n.incrementAndGet();
            x.v = 2;
        });
    }

    /** TestNoRaceAtomicLoadStoreInt32: a flag published with an atomic store. */
    public static void noRaceAtomicFlag() {
        V x = new V();
        AtomicInteger flag = new AtomicInteger();
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            x.v = 1;
            flag.set(1);
            ch.send(true);
        });
        while (flag.get() == 0) {
            Go.gosched();
        }
        x.v = 2;
        ch.receive();
    }

    /** A volatile flag publishes the writes before it. */
    public static void noRaceVolatile() {
        V x = new V();
        Chan<Boolean> ch = Chan.make(1);
        ready = false;
        Go.go(() -> {
            x.v = 1;
            ready = true;
            ch.send(true);
        });
        while (!ready) {
            Go.gosched();
        }
        x.v = 2;
        ch.receive();
    }

    /** synchronized blocks order their bodies. */
    public static void noRaceSynchronized() {
        V x = new V();
        Object lock = new Object();
        Chan<Boolean> ch = Chan.make(2);
        for (int g = 0; g < 2; g++) {
            Go.go(() -> {
                synchronized (lock) {
                    x.v++;
                }
                ch.send(true);
            });
        }
        ch.receive();
        ch.receive();
    }

    /** Two different monitors order nothing. */
    public static void raceSynchronizedTwoLocks() {
        V x = new V();
        Object[] locks = {new Object(), new Object()};
        Chan<Boolean> ch = Chan.make(2);
        for (int g = 0; g < 2; g++) {
            Object lock = locks[g];
            Go.go(() -> {
                synchronized (lock) {
                    x.v++;
                }
                ch.send(true);
            });
        }
        ch.receive();
        ch.receive();
    }

    /** A synchronized method. */
    public static void noRaceSynchronizedMethod() {
        Tally t = new Tally();
        Chan<Boolean> ch = Chan.make(2);
        for (int g = 0; g < 2; g++) {
            Go.go(() -> {
                t.add();
                ch.send(true);
            });
        }
        ch.receive();
        ch.receive();
        t.add();
    }

    /** Thread.start and join order the parent's and the thread's accesses. */
    public static void noRaceThreadStartJoin() throws InterruptedException {
        V x = new V();
        x.v = 1;
        Thread t = new Thread(() -> x.v++);
        t.start();
        t.join();
        x.v++;
    }

    /** Without join, a platform thread's write races with its parent's. */
    public static void raceThreadNoJoin() throws InterruptedException {
        V x = new V();
        Chan<Boolean> ch = Chan.make(1);
        Thread t = new Thread(() -> {
            x.v = 1;
            ch.send(true);
        });
        t.start();
        x.v = 2;
        ch.receive();
        t.join();
    }

    /** A ReentrantLock guards the counter. */
    public static void noRaceReentrantLock() {
        V x = new V();
        ReentrantLock lock = new ReentrantLock();
        Chan<Boolean> ch = Chan.make(2);
        for (int g = 0; g < 2; g++) {
            Go.go(() -> {
                lock.lock();
                try {
                    x.v++;
                } finally {
                    lock.unlock();
                }
                ch.send(true);
            });
        }
        ch.receive();
        ch.receive();
    }

    /** Ownership handed over through a concurrent queue. */
    public static void noRaceConcurrentQueue() {
        ConcurrentLinkedQueue<V> q = new ConcurrentLinkedQueue<>();
        Go.go(() -> {
            V m = new V();
            m.v = 1;
            q.add(m);
        });
        V m;
        while ((m = q.poll()) == null) {
            Go.gosched();
        }
        m.v = 2;
    }

    /** TestRaceComp2-style: a field of a nested struct. */
    public static void raceNestedField() {
        V outer = new V();
        outer.p = new V();
        Both.run(() -> {
            outer.p.v = 1;
        }, () -> {
            outer.p.v = 2;
        });
    }

    /** Byte, char and double elements. */
    public static void raceSmallAndWideElements() {
        byte[] b = new byte[1];
        char[] c = new char[1];
        double[] d = new double[1];
        Both.run(() -> {
            b[0] = 1;
            c[0] = 'a';
            d[0] = 1.5;
        }, () -> {
            b[0] = 2;
            c[0] = 'b';
            d[0] = 2.5;
        });
    }

    /** A write after the volatile store that published the others races with the reader. */
    public static void raceAfterVolatilePublish() {
        V x = new V();
        Chan<Boolean> ch = Chan.make(1);
        ready = false;
        Go.go(() -> {
            ready = true;
            x.v = 1;
            ch.send(true);
        });
        while (!ready) {
            Go.gosched();
        }
        x.v = 2;
        ch.receive();
    }

    /** A parent's write after Thread.start races with the thread. */
    public static void raceAfterThreadStart() throws InterruptedException {
        V x = new V();
        Thread t = new Thread(() -> x.v = 1);
        t.start();
        x.v = 2;
        t.join();
    }

    /** Virtual threads started with Thread.startVirtualThread inherit their parent's past. */
    public static void noRaceVirtualThreadStartJoin() throws InterruptedException {
        V x = new V();
        x.v = 1;
        Thread t = Thread.startVirtualThread(() -> x.v++);
        t.join();
        x.v++;
    }

    /** wait/notify under a monitor. */
    public static void noRaceWaitNotify() throws InterruptedException {
        V x = new V();
        Object lock = new Object();
        Thread t = Thread.ofPlatform().start(() -> {
            x.v = 1;
            synchronized (lock) {
                x.l = 1;
                lock.notifyAll();
            }
        });
        synchronized (lock) {
            while (x.l == 0) {
                lock.wait();
            }
        }
        x.v = 2;
        t.join();
    }

    /** An executor's task sees what the submitter wrote; Future.get sees what the task wrote. */
    public static void noRaceExecutorTask() throws Exception {
        V x = new V();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            x.v = 1;
            Future<?> done = pool.submit(() -> x.v++);
            done.get();
            x.v++;
            x.l = CompletableFuture.supplyAsync(() -> x.v + 1, pool).get();
            x.v = (int) x.l;
        } finally {
            pool.shutdown();
        }
    }

    /** A write before Future.get races with the task (which writes after it; see raceSchedule). */
    public static void raceExecutorTask() throws Exception {
        V x = new V();
        String written = "racecases.MemoryCases.raceExecutorTask";
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<?> done = pool.submit(() -> {
                ExecutorCases.awaitProperty(written);
                x.v = 1;
            });
            x.v = 2;
            System.setProperty(written, "yes");
            done.get();
        } finally {
            pool.shutdown();
        }
    }

    /** A counter with synchronized methods. */
    static final class Tally {
        private int n;

        synchronized void add() {
            n++;
        }
    }

    /** TestRaceCaseCondition: a switch's condition reads what another goroutine writes. */
    public static void raceCaseCondition() {
        V x = new V();
        Both.run(() -> {
            x.v = 2;
        }, () -> {
            if (x.v < 2) {
                x.v = 1;
            }
        });
    }

    /** TestRaceForIncr: the loop's increment comes after a send, the receiver's after a receive. */
    public static void raceForIncr() {
        V x = new V();
        Chan<Boolean> done = Chan.make();
        Chan<Boolean> c = Chan.make();
        Go.go(() -> {
            for (Boolean ignored : c) {
                x.v++;
            }
            done.send(true);
        });
        for (int i = 0; i < 10; x.v++) {
            i++;
            c.send(true);
        }
        c.close();
        done.receive();
    }

    /** TestRaceArrayCopy: an array overwritten whole as another goroutine writes an element. */
    public static void raceArrayCopy() {
        int[] a = new int[5];
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            a[3] = 1;
            ch.send(true);
        });
        for (int i = 0; i < a.length; i++) {
            a[i] = i + 1;
        }
        ch.receive();
    }

    /** TestRaceStructRW: a struct assigned whole as another goroutine copies it. */
    public static void raceStructRW() {
        Point p = new Point();
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            p.x = 1;
            p.y = 1;
            ch.send(true);
        });
        Point q = new Point();
        q.x = p.x;
        q.y = p.y;
        ch.receive();
        p.x = q.x;
        p.y = q.y;
    }

    /** TestRaceStringRW: a string variable. */
    public static void raceStringRW() {
        V x = new V();
        x.s = "";
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            x.s = "abacaba";
            ch.send(true);
        });
        x.l = x.s.length();
        ch.receive();
    }

    /** TestRaceFloat64WW: a float64 variable. */
    public static void raceFloat64WW() {
        V x = new V();
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            x.d = 1.0;
            ch.send(true);
        });
        x.d = 2.0;
        ch.receive();
        double y = x.d;
        x.d = y;
    }

    /** TestRaceFuncVariableRW: a function variable called as another goroutine replaces it. */
    public static void raceFuncVariableRW() {
        V fv = new V();
        fv.f = x -> x * x;
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            fv.f = x -> x;
            ch.send(true);
        });
        int y = fv.f.applyAsInt(1);
        ch.receive();
        fv.v = y;
    }

    /** TestRaceFuncVariableWW: a function variable assigned by two goroutines. */
    public static void raceFuncVariableWW() {
        V fv = new V();
        Chan<Boolean> ch = Chan.make(1);
        Go.go(() -> {
            fv.f = x -> x;
            ch.send(true);
        });
        fv.f = x -> x * x;
        ch.receive();
    }

    /** TestNoRaceAtomicCASCASInt32: the reader's compare-and-set takes the writer's. */
    public static void noRaceAtomicCASCASInt32() {
        V x = new V();
        AtomicInteger s = new AtomicInteger();
        Go.go(() -> {
            x.l = 2;
            if (!s.compareAndSet(0, 1)) {
                throw new IllegalStateException("the only compare-and-set from 0 failed");
            }
        });
        while (!s.compareAndSet(1, 0)) {
            Go.gosched();
        }
        x.l = 1;
    }

    /** A Go struct of two fields. */
    static final class Point {
        int x;
        int y;
    }
}
