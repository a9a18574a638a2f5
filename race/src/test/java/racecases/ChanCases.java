package racecases;

import io.go4j.ChanClosedException;
import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.Select;
import java.util.function.Consumer;

/** Go's {@code runtime/race/testdata/chan_test.go} and {@code select_test.go}, ported. */
public final class ChanCases {

    private ChanCases() {
    }

    /** TestNoRaceChanSync. */
    public static void noRaceChanSync() {
        V x = new V();
        Chan<Integer> c = Chan.make();
        Go.go(() -> {
            x.v = 1;
            c.send(0);
        });
        c.receive();
        x.v = 2;
    }

    /** TestNoRaceChanSyncRev: unbuffered, the receive completes before the send does. */
    public static void noRaceChanSyncRev() {
        writesAroundOneValue(0);
    }

    /** A write after a send, and one before its receive, on a channel of the capacity given. */
    private static void writesAroundOneValue(int capacity) {
        V x = new V();
        Chan<Integer> c = Chan.make(capacity);
        Chan<Integer> done = Chan.make();
        Go.go(() -> {
            c.send(0);
            x.v = 2;
            done.send(0);
        });
        x.v = 1;
        c.receive();
        done.receive();
    }

    /** TestNoRaceChanAsync. */
    public static void noRaceChanAsync() {
        V x = new V();
        Chan<Integer> c = Chan.make(10);
        Go.go(() -> {
            x.v = 1;
            c.send(0);
        });
        c.receive();
        x.v = 2;
    }

    /** TestNoRaceChanAsyncCloseRecv2. */
    public static void noRaceChanAsyncCloseRecv() {
        V x = new V();
        Chan<Integer> c = Chan.make(10);
        Go.go(() -> {
            x.v = 1;
            c.close();
        });
        c.receiveOk();
        x.v = 2;
    }

    /** TestNoRaceChanAsyncCloseRecv3: range over the channel. */
    public static void noRaceChanAsyncCloseRange() {
        V x = new V();
        Chan<Integer> c = Chan.make(10);
        Go.go(() -> {
            x.v = 1;
            c.close();
        });
        for (Integer ignored : c) {
            x.l++;
        }
        x.v = 2;
    }

    /** TestNoRaceChanSyncCloseRecv2. */
    public static void noRaceChanSyncCloseRecv() {
        V x = new V();
        Chan<Integer> c = Chan.make();
        Go.go(() -> {
            x.v = 1;
            c.close();
        });
        c.receiveOk();
        x.v = 2;
    }

    /** TestRaceChanSyncCloseSend: a send that panics on a closed channel synchronizes nothing. */
    public static void raceChanSyncCloseSend() {
        V x = new V();
        Chan<Integer> c = Chan.make();
        Chan<Integer> done = Chan.make(1);
        Go.go(() -> {
            x.v = 1;
            c.close();
            done.send(0);
        });
        try {
            c.send(0);
        } catch (ChanClosedException e) {
            x.l = 1;
        }
        x.v = 2;
        done.receive();
    }

    /** TestRaceChanCloseClose: the losing close synchronizes nothing. */
    public static void raceChanCloseClose() {
        V v1 = new V();
        V v2 = new V();
        Chan<Integer> c = Chan.make();
        Both.run(() -> {
            v1.v = 1;
            try {
                c.close();
            } catch (ChanClosedException e) {
                v2.v = 2;
            }
        }, () -> {
            v2.v = 1;
            try {
                c.close();
            } catch (ChanClosedException e) {
                v1.v = 2;
            }
        });
    }

    /** TestRaceChanSendLen: len is no synchronization. */
    public static void raceChanSendLen() {
        V x = new V();
        Chan<Integer> c = Chan.make(10);
        Chan<Integer> done = Chan.make(1);
        Go.go(() -> {
            x.v = 1;
            c.send(1);
            done.send(0);
        });
        while (c.len() == 0) {
            Go.gosched();
        }
        x.v = 2;
        done.receive();
    }

    /** TestRaceChanSendSend. */
    public static void raceChanSendSend() {
        V v1 = new V();
        V v2 = new V();
        Chan<Integer> c = Chan.make(1);
        Both.run(() -> {
            v1.v = 1;
            Select.select(Select.send(c, 1), Select.defaultCase(() -> v2.v = 2));
        }, () -> {
            v2.v = 1;
            Select.select(Select.send(c, 1), Select.defaultCase(() -> v1.v = 2));
        });
    }

    /** TestNoRaceChanPtr: ownership passed along the channel. */
    public static void noRaceChanPtr() {
        Chan<V> c = Chan.make();
        Go.go(() -> {
            V m = new V();
            m.v = 1;
            c.send(m);
        });
        V m = c.receive();
        m.v = 2;
    }

    /** TestNoRaceChanSem: a buffered channel as a semaphore (k-th receive before (k+C)-th send). */
    public static void noRaceChanSem() {
        V x = new V();
        Chan<Integer> sem = Chan.make(1);
        Chan<Integer> done = Chan.make(2);
        for (int g = 0; g < 2; g++) {
            Go.go(() -> {
                sem.send(0);
                x.v++;
                sem.receive();
                done.send(0);
            });
        }
        done.receive();
        done.receive();
    }

    /** TestNoRaceChanWaitGroup-style: each result handed back on its own buffered channel. */
    public static void noRaceChanResults() {
        int[] data = new int[4];
        Chan<Integer> done = Chan.make(4);
        for (int i = 0; i < 4; i++) {
            int k = i;
            Go.go(() -> {
                data[k] = k;
                done.send(k);
            });
        }
        for (int i = 0; i < 4; i++) {
            done.receive();
        }
        int sum = 0;
        for (int v : data) {
            sum += v;
        }
        data[0] = sum;
    }

    /** TestNoRaceSelect1. */
    public static void noRaceSelect1() {
        V x = new V();
        Chan<Boolean> compl = Chan.make();
        Chan<Boolean> c = Chan.make();
        Chan<Boolean> c1 = Chan.make();
        Go.go(() -> {
            x.v = 1;
            // Some bug in chan code: the select must not lose the HB.
            Select.select(Select.send(c, true), Select.send(c1, true));
            compl.send(true);
        });
        Select.select(Select.recv(c), Select.recv(c1));
        x.v = 2;
        compl.receive();
    }

    /** TestNoRaceSelect2. */
    public static void noRaceSelect2() {
        V x = new V();
        Chan<Boolean> compl = Chan.make();
        Chan<Boolean> c = Chan.make();
        Chan<Boolean> c1 = Chan.make();
        Go.go(() -> {
            Select.select(Select.recv(c), Select.recv(c1));
            x.v = 1;
            compl.send(true);
        });
        x.v = 2;
        c.close();
        compl.receive();
    }

    /** TestNoRaceSelect3: a select with a default that finds the buffered value. */
    public static void noRaceSelect3() {
        V x = new V();
        Chan<Boolean> compl = Chan.make();
        Chan<Boolean> c = Chan.make(1);
        Go.go(() -> {
            x.v = 1;
            c.send(true);
            compl.send(true);
        });
        compl.receive();
        Select.select(Select.recv(c, (Boolean b) -> x.v = 2), Select.defaultCase(() -> x.l = 1));
    }

    /** TestRaceSelect1: the write in the other goroutine is not ordered by the select. */
    public static void raceSelect1() {
        V x = new V();
        Chan<Boolean> compl = Chan.make(2);
        Chan<Boolean> c = Chan.make();
        Chan<Boolean> c1 = Chan.make();
        Go.go(() -> {
            Select.select(Select.send(c, true), Select.send(c1, true));
            compl.send(true);
        });
        Go.go(() -> {
            x.v = 1;
            compl.send(true);
        });
        Select.select(Select.recv(c), Select.recv(c1));
        x.v = 2;
        compl.receive();
        compl.receive();
    }

    /** TestRaceSelect4: a default case synchronizes nothing. */
    public static void raceSelect4() {
        V x = new V();
        Chan<Boolean> done = Chan.make();
        Chan<Boolean> c = Chan.make();
        Go.go(() -> {
            x.v = 1;
            done.send(true);
        });
        Select.select(Select.recv(c), Select.defaultCase(() -> x.v = 2));
        done.receive();
    }

    /** Writes on both sides of a {@code go} that nothing orders afterwards race. */
    public static void raceAfterGo() {
        V v1 = new V();
        Chan<Integer> c = Chan.make(2);
        Chan<Integer> first = Chan.make();
        Chan<Integer> done = Chan.make(1);
        Go.go(() -> {
            c.send(1);
            first.send(0);
        });
        first.receive();
        c.receive();
        Go.go(() -> {
            v1.v = 2;
            done.send(0);
        });
        v1.v = 3;
        done.receive();
    }

    /** A channel of capacity 0 used both ways: no race. */
    public static void noRaceChanPingPong() {
        V x = new V();
        Chan<Integer> ping = Chan.make();
        Chan<Integer> pong = Chan.make();
        Go.go(() -> {
            for (int i = 0; i < 10; i++) {
                ping.receive();
                x.v++;
                pong.send(i);
            }
        });
        for (int i = 0; i < 10; i++) {
            x.v++;
            ping.send(i);
            pong.receive();
        }
    }

    // ---- programs that need a clock per buffer slot (Go's chanbuf rule) ----

    /** TestRaceChanAsyncRev: a write after a buffered send and one before its receive race. */
    public static void raceChanAsyncRev() {
        writesAroundOneValue(10);
    }

    /** TestRaceChanSem: a channel of capacity 2 as a mutex lets both goroutines in. */
    public static void raceChanSem() {
        channelAsMutex(2);
    }

    /** Two goroutines write under a mutex made of a channel of the capacity given. */
    private static void channelAsMutex(int capacity) {
        V x = new V();
        Chan<Boolean> mtx = Chan.make(capacity);
        Chan<Integer> done = Chan.make();
        Go.go(() -> {
            mtx.send(true);
            x.v = 42;
            mtx.receive();
            done.send(0);
        });
        mtx.send(true);
        x.v = 43;
        mtx.receive();
        done.receive();
    }

    /** TestRaceChanWrongSend: the receive is ordered after one of the two sends only. */
    public static void raceChanWrongSend() {
        V v1 = new V();
        V v2 = new V();
        Chan<Integer> c = Chan.make(2);
        Chan<Integer> done = Chan.make(2);
        Go.go(() -> {
            v1.v = 1;
            c.send(1);
            done.send(0);
        });
        Go.go(() -> {
            v2.v = 2;
            c.send(2);
            done.send(0);
        });
        if (c.receive() == 1) {
            v2.v = 3;
        } else {
            v1.v = 3;
        }
        done.receive();
        done.receive();
    }

    /** TestNoRaceChanMutex: a channel of capacity 1 as a mutex. */
    public static void noRaceChanMutex() {
        channelAsMutex(1);
    }

    /** TestNoRaceSelectMutex: the same mutex, taken and given back in selects. */
    public static void noRaceSelectMutex() {
        V x = new V();
        Chan<Boolean> mtx = Chan.make(1);
        Chan<Boolean> aux = Chan.make();
        Chan<Integer> done = Chan.make();
        Go.go(() -> {
            Select.select(Select.send(mtx, true), Select.recv(aux));
            x.v = 42;
            Select.select(Select.recv(mtx), Select.recv(aux));
            done.send(0);
        });
        Select.select(Select.send(mtx, true), Select.recv(aux));
        x.v = 43;
        Select.select(Select.recv(mtx), Select.recv(aux));
        done.receive();
    }

    /** TestNoRaceChanWaitGroup: a channel of capacity N/2 counts the running goroutines. */
    public static void noRaceChanWaitGroup() {
        int n = 10;
        Chan<Boolean> wg = Chan.make(n / 2);
        int[] data = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            wg.send(true);
            Go.go(() -> {
                data[k] = 42;
                wg.receive();
            });
        }
        for (int i = 0; i < wg.cap(); i++) {
            wg.send(true);
        }
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += data[i];
        }
        data[0] = sum;
    }

    /** TestNoRaceBlockedSendSync: a sender waiting on a full buffer is received from later. */
    public static void noRaceBlockedSendSync() {
        Chan<V> c = Chan.make(1);
        c.send(new V());
        Go.go(() -> {
            V i = new V();
            i.v = 42;
            c.send(i);
        });
        c.receive();
        V p = c.receive();
        p.v++;
    }

    /** TestNoRaceBlockedSelectSendSync: as above, the second receive in a select. */
    public static void noRaceBlockedSelectSendSync() {
        Chan<V> c = Chan.make(1);
        c.send(new V());
        Go.go(() -> {
            V i = new V();
            i.v = 42;
            c.send(i);
        });
        c.receive();
        Select.select(Select.recv(c, (V p) -> p.v++), Select.recv(Chan.<Integer>make()));
    }

    /** TestNoRaceElemetSize0: the (k+C)-th sends wait for the goroutines' k-th receives. */
    public static void noRaceChanSlotsSemaphore() {
        V x = new V();
        V y = new V();
        Chan<Boolean> c = Chan.make(2);
        c.send(true);
        c.send(true);
        Go.go(() -> {
            x.v++;
            c.receive();
        });
        Go.go(() -> {
            y.v++;
            c.receive();
        });
        c.send(true);
        c.send(true);
        x.v++;
        y.v++;
    }

    /** TestRaceChanRecvLen: len is no synchronization, on the receive side either. */
    public static void raceChanRecvLen() {
        V x = new V();
        Chan<Integer> c = Chan.make(10);
        Chan<Integer> done = Chan.make(1);
        c.send(1);
        Go.go(() -> {
            x.v = 1;
            c.receive();
            done.send(0);
        });
        while (c.len() != 0) {
            Go.gosched();
        }
        x.v = 2;
        done.receive();
    }

    /** TestRaceChanAsyncCloseSend: sends that fail on the closed buffered channel order nothing. */
    public static void raceChanAsyncCloseSend() {
        V x = new V();
        Chan<Integer> c = Chan.make(10);
        Go.go(() -> {
            x.v = 1;
            c.close();
        });
        try {
            while (true) {
                c.send(0);
            }
        } catch (ChanClosedException e) {
            x.v = 2;
        }
    }




    /** TestNoRaceProducerConsumerUnbuffered: a task and its done channel handed over a queue. */
    public static void noRaceProducerConsumerUnbuffered() {
        V x = new V();
        Chan<Chan<Boolean>> queue = Chan.make();
        Go.go(() -> {
            Chan<Boolean> done = queue.receive();
            x.v = 1;
            done.send(true);
        });
        Chan<Boolean> done = Chan.make(1);
        queue.send(done);
        done.receive();
        x.l = x.v;
    }

    /** TestNoRaceChanSyncCloseRecv3: range over an unbuffered channel until closed. */
    public static void noRaceChanSyncCloseRange() {
        V x = new V();
        Chan<Integer> c = Chan.make();
        Go.go(() -> {
            x.v = 1;
            c.close();
        });
        for (Integer ignored : c) {
            x.l++;
        }
        x.v = 2;
    }

    /** TestNoRaceCloseHappensBeforeRead: a select that sees a channel closed sees its past. */
    public static void noRaceCloseHappensBeforeRead() {
        for (int i = 0; i < 100; i++) {
            V loc = new V();
            Chan<Integer> write = Chan.make();
            Chan<Integer> read = Chan.make();
            Go.go(() -> {
                Select.select(Select.recv(write, (Integer v) -> loc.l = loc.v),
                        Select.defaultCase());
                read.close();
            });
            Go.go(() -> {
                loc.v = 1;
                write.close();
            });
            read.receive();
        }
    }

    /**
     * The shape of Go's ReadWrite programs: a goroutine sends the value of x on {@code out}, the
     * caller writes x with what it receives from {@code in}.
     */
    private static void sendReadReceiveWrite(Chan<Integer> out, Chan<Integer> in) {
        V x = new V();
        Chan<Boolean> done = Chan.make();
        Go.go(() -> {
            out.send(x.v);
            done.send(true);
        });
        x.v = in.receive();
        done.receive();
    }

    /** As {@link #sendReadReceiveWrite}, each side in a select with a case on {@code other}. */
    private static void selectReadWrite(Chan<Integer> out, Chan<Integer> in, Chan<Integer> other) {
        V x = new V();
        Chan<Boolean> done = Chan.make();
        Go.go(() -> {
            Select.select(Select.send(out, x.v), Select.send(other, 1));
            done.send(true);
        });
        Select.select(Select.recv(in, (Integer v) -> x.v = v), Select.send(other, 1));
        done.receive();
    }

    /** An unbuffered channel with a receiver already waiting on it. */
    private static Chan<Integer> readyToReceive() {
        Chan<Integer> c = Chan.make();
        Go.go(c::receive);
        return c;
    }

    /** An unbuffered channel with a sender already waiting on it. */
    private static Chan<Integer> readyToSend() {
        Chan<Integer> c = Chan.make();
        Go.go(() -> c.send(1));
        return c;
    }

    /** A channel of capacity 10 holding one value. */
    private static Chan<Integer> holding(int value) {
        Chan<Integer> c = Chan.make(10);
        c.send(value);
        return c;
    }

    /** TestRaceChanReadWriteAsync: the value sent is read before the send; the receive writes. */
    public static void raceChanReadWriteAsync() {
        sendReadReceiveWrite(Chan.make(10), holding(10));
    }

    /**
     * TestRaceChanReadWriteSync: as above, unbuffered, the counterparts ready beforehand. Spelled
     * out: a pair of source lines is reported once, so two racy programs cannot share theirs.
     */
    public static void raceChanReadWriteSync() {
        V x = new V();
        Chan<Boolean> done = Chan.make();
        Chan<Integer> out = readyToReceive();
        Chan<Integer> in = readyToSend();
        Go.go(() -> {
            out.send(x.v);
            done.send(true);
        });
        x.v = in.receive();
        done.receive();
    }

    /** TestNoRaceChanReadWriteAsync: the value read before its send, written after its receive. */
    public static void noRaceChanReadWriteAsync() {
        Chan<Integer> c = Chan.make(10);
        sendReadReceiveWrite(c, c);
    }

    /** TestRaceSelectReadWriteAsync: the send value is read before the select; the write races. */
    public static void raceSelectReadWriteAsync() {
        selectReadWrite(Chan.make(10), holding(1), Chan.make());
    }

    /** TestRaceSelectReadWriteSync: as above, unbuffered, the counterparts ready beforehand. */
    public static void raceSelectReadWriteSync() {
        V x = new V();
        Chan<Boolean> done = Chan.make();
        Chan<Integer> out = readyToReceive();
        Chan<Integer> in = readyToSend();
        Chan<Integer> other = Chan.make();
        Go.go(() -> {
            Select.select(Select.send(out, x.v), Select.send(other, 1));
            done.send(true);
        });
        Select.select(Select.recv(in, (Integer v) -> x.v = v), Select.send(other, 1));
        done.receive();
    }

    /** TestNoRaceSelectReadWriteAsync: unbuffered, the value goes from one select to the other. */
    public static void noRaceSelectReadWriteAsync() {
        Chan<Integer> c = Chan.make();
        selectReadWrite(c, c, Chan.make());
    }

    /** TestRaceSelect2: a select that sees a close orders nothing before it; the writes race. */
    public static void raceSelect2() {
        V x = new V();
        Chan<Boolean> compl = Chan.make();
        Chan<Boolean> c = Chan.make();
        Chan<Boolean> c1 = Chan.make();
        Go.go(() -> {
            x.v = 1;
            Select.select(Select.recv(c), Select.recv(c1));
            compl.send(true);
        });
        c.close();
        x.v = 2;
        compl.receive();
    }

    /** TestRaceSelect3: both writes come before the exchange of an unbuffered select. */
    public static void raceSelect3() {
        V x = new V();
        Chan<Boolean> compl = Chan.make();
        Chan<Boolean> c = Chan.make();
        Chan<Boolean> c1 = Chan.make();
        Go.go(() -> {
            x.v = 1;
            Select.select(Select.send(c, true), Select.send(c1, true));
            compl.send(true);
        });
        x.v = 2;
        Select.select(Select.recv(c));
        compl.receive();
    }

    /**
     * TestRaceSelect5: only the buffered channel's case can proceed, and its body's write races
     * with the caller's read.
     */
    public static void raceSelect5() {
        V x = new V();
        V y = new V();
        Chan<Boolean> done = Chan.make(1);
        Chan<Boolean> c1 = Chan.make(1);
        Chan<Boolean> c2 = Chan.make();
        Go.go(() -> {
            Select.select(Select.send(c1, true, () -> x.v = 1),
                    Select.send(c2, true, () -> y.v = 1));
            done.send(true);
        });
        x.l = x.v + y.v;
        done.receive();
    }

    /** TestNoRaceSelect4: a task handed to a worker in a select, its end awaited in another. */
    public static void noRaceSelect4() {
        Chan<Task> queue = Chan.make();
        Chan<Boolean> dummy = Chan.make();
        Go.go(() -> {
            for (;;) {
                Select.select(Select.recv(queue, (Task t) -> {
                    t.f().run();
                    t.done().send(true);
                }));
            }
        });
        V x = new V();
        Chan<Boolean> done = Chan.make(1);
        Select.select(Select.send(queue, new Task(() -> x.v = 1, done)), Select.recv(dummy));
        Select.select(Select.recv(done), Select.recv(dummy));
        x.l = x.v;
    }

    /**
     * TestNoRaceSelect5: a write before an unbuffered send and one after its receive, with the
     * send and the receive in selects or not, the sender yielding first or not.
     */
    public static void noRaceSelect5() {
        for (boolean sel : new boolean[] {true, false}) {
            for (boolean needSched : new boolean[] {true, false}) {
                V x = new V();
                Chan<Boolean> ch = Chan.make();
                Chan<Boolean> c1 = Chan.make();
                Chan<Boolean> done = Chan.make(2);
                Go.go(() -> {
                    if (needSched) {
                        Go.gosched();
                    }
                    x.v = 1;
                    if (sel) {
                        Select.select(Select.send(ch, true), Select.recv(c1));
                    } else {
                        ch.send(true);
                    }
                    done.send(true);
                });
                Go.go(() -> {
                    if (sel) {
                        Select.select(Select.recv(ch), Select.recv(c1));
                    } else {
                        ch.receive();
                    }
                    x.v = 1;
                    done.send(true);
                });
                done.receive();
                done.receive();
            }
        }
    }

    /**
     * The shape of Go's ChanItself programs: a goroutine uses the channel a variable holds (a
     * fresh one of the capacity given) as the caller stores another one there. The racing read
     * is in each program's own {@code use}, so their pairs of lines differ.
     */
    private static void replacedWhileUsed(int capacity, Consumer<ChanVar> use) {
        ChanVar h = new ChanVar();
        Chan<Boolean> compl = Chan.make(1);
        h.c = Chan.make(capacity);
        Go.go(() -> {
            use.accept(h);
            compl.send(true);
        });
        h.c = Chan.make(capacity);
        compl.receive();
    }

    /** TestRaceChanItselfSend: the variable holding the channel is replaced as it is sent on. */
    public static void raceChanItselfSend() {
        replacedWhileUsed(10, h -> h.c.send(0));
    }

    /**
     * TestRaceChanItselfRecv: the variable holding the channel is replaced as it is received
     * from. Go sleeps so that the receive finds the old channel's value; here the new channel
     * holds one too.
     */
    public static void raceChanItselfRecv() {
        ChanVar h = new ChanVar();
        Chan<Boolean> compl = Chan.make(1);
        h.c = Chan.make(10);
        h.c.send(1);
        Go.go(() -> {
            h.c.receive();
            compl.send(true);
        });
        Chan<Integer> fresh = Chan.make(20);
        fresh.send(1);
        h.c = fresh;
        compl.receive();
    }

    /** TestRaceChanItselfClose: the variable holding the channel is replaced as it is closed. */
    public static void raceChanItselfClose() {
        replacedWhileUsed(0, h -> h.c.close());
    }

    /** TestRaceChanItselfLen: the variable holding the channel is replaced as len reads it. */
    public static void raceChanItselfLen() {
        replacedWhileUsed(0, h -> h.c.len());
    }

    /** TestRaceChanItselfCap: the variable holding the channel is replaced as cap reads it. */
    public static void raceChanItselfCap() {
        replacedWhileUsed(0, h -> h.c.cap());
    }

    /** TestNoRaceChanCloseLen: len of a channel as another goroutine closes it. */
    public static void noRaceChanCloseLen() {
        Chan<Integer> c = Chan.make(10);
        Chan<Integer> r = Chan.make(10);
        Go.go(() -> r.send(c.len()));
        Go.go(() -> {
            c.close();
            r.send(0);
        });
        r.receive();
        r.receive();
    }

    /** A Go variable holding a channel. */
    static final class ChanVar {
        Chan<Integer> c;
    }

    /** A function to run and the channel that says it ran. */
    private record Task(Runnable f, Chan<Boolean> done) {
    }
}
