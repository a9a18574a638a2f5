package io.go4j.stress.chan;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.go4j.Chan;
import io.go4j.ChanClosedException;
import io.go4j.Received;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Go spec: a send on a closed channel panics ({@code send on closed channel}), and closing a
 * channel wakes a blocked sender, which then panics; a send that completed delivered its value.
 *
 * <p>When a send races with a close, exactly one of two things happens: the send completes and a
 * receiver gets the value, or the send throws {@link ChanClosedException} and nobody gets it.
 * Never both (a value received from a send that reported failure) and never neither (a send that
 * reported success whose value vanished).
 */
public final class CloseVersusSend {

    private CloseVersusSend() {
    }

    private static int send(Chan<Integer> ch, int value) {
        try {
            ch.send(value);
            return 1;
        } catch (ChanClosedException e) {
            return 2;
        }
    }

    /**
     * Unbuffered: the other actor tries to receive, then closes. The sender blocks until the
     * {@code tryReceive} takes its value or the close wakes it with the exception.
     */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "tryReceive took the value from the waiting sender; the send completed.")
    @Outcome(id = "2, 0", expect = ACCEPTABLE,
            desc = "tryReceive found nothing; close made the send throw.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "The send reported success but nobody received the value.")
    @Outcome(id = "2, 1", expect = FORBIDDEN, desc = "The value was received but the send threw.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class TryReceiveThenClose {
        final Chan<Integer> ch = Chan.make();

        @Actor
        public void sender(II_Result r) {
            r.r1 = send(ch, 1);
        }

        @Actor
        public void receiveThenClose(II_Result r) {
            Received<Integer> got = ch.tryReceive();
            r.r2 = got == null ? 0 : got.ok() ? got.value() : -1;
            ch.close();
        }
    }

    /**
     * Unbuffered, three actors: a sender, a closer and a blocking receiver race freely. jcstress
     * runs it only with at least 3 CPUs (it is skipped on a 2-CPU machine, where
     * {@link TryReceiveThenClose} and {@link TrySendThenClose} cover the race with two actors).
     */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "The send completed and the receiver got the value.")
    @Outcome(id = "2, 0", expect = ACCEPTABLE,
            desc = "The close came first: the send threw, the receiver saw closed.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "The send reported success but the receiver saw closed.")
    @Outcome(id = "2, 1", expect = FORBIDDEN,
            desc = "The receiver got the value but the send threw.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class SenderCloserReceiver {
        final Chan<Integer> ch = Chan.make();

        @Actor
        public void sender(II_Result r) {
            r.r1 = send(ch, 1);
        }

        @Actor
        public void closer() {
            ch.close();
        }

        @Actor
        public void receiver(II_Result r) {
            Received<Integer> got = ch.receiveOk();
            r.r2 = got.ok() ? got.value() : 0;
        }
    }

    /**
     * Capacity 1: the send never blocks; after the race the arbiter drains the channel. A value
     * sent before the close is still received after it (then the channel reports closed).
     */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "Sent before the close; the value survived the close, then closed.")
    @Outcome(id = "2, 0, 0", expect = ACCEPTABLE,
            desc = "Closed first: the send threw and nothing was buffered.")
    @Outcome(id = "1, 0, 0", expect = FORBIDDEN,
            desc = "The send reported success but its value was lost.")
    @Outcome(id = "2, 1, 0", expect = FORBIDDEN,
            desc = "The send threw but its value was buffered.")
    @Outcome(expect = FORBIDDEN, desc = "Other (for example ok=true after draining).")
    @State
    public static class Buffered {
        final Chan<Integer> ch = Chan.make(1);

        @Actor
        public void sender(III_Result r) {
            r.r1 = send(ch, 1);
        }

        @Actor
        public void closer() {
            ch.close();
        }

        @Arbiter
        public void drain(III_Result r) {
            Received<Integer> first = ch.receiveOk();
            r.r2 = first.ok() ? first.value() : 0;
            r.r3 = ch.receiveOk().ok() ? 1 : 0;
        }
    }

    /**
     * Unbuffered, two actors: a blocking receiver against a {@code trySend} followed by a close.
     * The {@code trySend} succeeds only by handing its value to the waiting receiver; otherwise
     * the close wakes the receiver with {@code ok == false}.
     */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE,
            desc = "The receiver was waiting: trySend delivered the value.")
    @Outcome(id = "0, 0", expect = ACCEPTABLE,
            desc = "trySend found nobody waiting; the close woke the receiver.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,
            desc = "trySend reported success but the receiver saw closed.")
    @Outcome(id = "0, 1", expect = FORBIDDEN,
            desc = "trySend reported failure but its value was received.")
    @Outcome(expect = FORBIDDEN, desc = "Other.")
    @State
    public static class TrySendThenClose {
        final Chan<Integer> ch = Chan.make();

        @Actor
        public void sendThenClose(II_Result r) {
            r.r1 = ch.trySend(1) ? 1 : 0;
            ch.close();
        }

        @Actor
        public void receiver(II_Result r) {
            Received<Integer> got = ch.receiveOk();
            r.r2 = got.ok() ? got.value() : 0;
        }
    }
}
