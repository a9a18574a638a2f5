package io.go4j.lincheck;

import io.go4j.Chan;
import io.go4j.Received;
import io.go4j.Select;
import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Linearizability of a go4j channel's non-blocking operations against {@link ChanModel}, with
 * Lincheck, in model-checking mode (Lincheck controls the thread interleaving, inserting
 * switches at every shared-memory access and lock) and in stress mode (real threads).
 *
 * <p>The operations are {@code trySend}, {@code tryReceive}, {@code close}, {@code len}, and
 * {@code select} with a {@code default} in two shapes whose outcome is deterministic, as a
 * sequential specification must be: two send cases offering the same value on the channel (plus
 * a case on a nil channel), and two receive cases on the channel. Exceptions ({@code send on
 * closed channel}, {@code close of closed channel}) are results, compared with the model's.
 *
 * <p>What this does not cover: blocking {@code send}, {@code receive} and {@code select}
 * without default. Lincheck checks blocking operations as dual data structures (an operation
 * that must wait is recorded as suspended and resumed later) only for Kotlin {@code suspend}
 * functions; a Java operation that parks its thread is not a suspension for Lincheck, whose
 * {@code @Operation(blocking = true)} only relaxes its progress check. A scenario in which a
 * blocking receive finds no sender would hang, which Lincheck reports as a failure. Blocking
 * operations are covered instead by the jcstress tests (every race pairs up) and by the
 * randomized stress run, which accounts for every value exactly once and checks per-sender FIFO.
 *
 * <p>{@code -Dgo4j.lincheck.iterations=N} scales the number of scenarios (default 5, each
 * run in a few hundred interleavings: about a minute for all three capacities on two cores); the
 * full pass raises it to 50.
 */
class ChanLincheckTest {

    /** A receive that reported the channel closed and drained. */
    static final Integer CLOSED = -1;

    private static final int ITERATIONS = Integer.getInteger("go4j.lincheck.iterations", 5);

    /** Lincheck's target for capacity 0, 1 or 4. */
    private static Class<? extends Operations> target(int capacity) {
        return switch (capacity) {
            case 0 -> Cap0.class;
            case 1 -> Cap1.class;
            default -> Cap4.class;
        };
    }

    /** The sequential model for capacity 0, 1 or 4. */
    private static Class<? extends ChanModel> model(int capacity) {
        return switch (capacity) {
            case 0 -> ChanModel.Cap0.class;
            case 1 -> ChanModel.Cap1.class;
            default -> ChanModel.Cap4.class;
        };
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 4})
    @Timeout(value = 20, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void modelChecking(int capacity) {
        new ModelCheckingOptions()
                .iterations(ITERATIONS)
                .invocationsPerIteration(300)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2)
                .sequentialSpecification(model(capacity))
                .check(target(capacity));
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, 1, 4})
    @Timeout(value = 20, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void stress(int capacity) {
        new StressOptions()
                .iterations(ITERATIONS)
                .invocationsPerIteration(1_000)
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2)
                .sequentialSpecification(model(capacity))
                .check(target(capacity));
    }

    /** The operations Lincheck runs on one channel. */
    public abstract static class Operations {

        private final Chan<Integer> ch;

        Operations(int capacity) {
            this.ch = Chan.make(capacity);
        }

        private static Integer encode(Received<Integer> got) {
            if (got == null) {
                return null;
            }
            return got.ok() ? got.value() : CLOSED;
        }

        @Operation
        public boolean trySend(@Param(gen = IntGen.class, conf = "1:3") int value) {
            return ch.trySend(value);
        }

        @Operation
        public Integer tryReceive() {
            return encode(ch.tryReceive());
        }

        @Operation
        public boolean selectSend(@Param(gen = IntGen.class, conf = "1:3") int value) {
            return Select.select(Select.send(ch, value), Select.send(null, value),
                    Select.send(ch, value), Select.defaultCase()) != 3;
        }

        @Operation
        public Integer selectReceive() {
            Integer[] got = {null};
            Select.select(
                    Select.recvOk(ch, (Integer v, boolean ok) -> got[0] = ok ? v : CLOSED),
                    Select.recvOk(ch, (Integer v, boolean ok) -> got[0] = ok ? v : CLOSED),
                    Select.defaultCase());
            return got[0];
        }

        @Operation
        public void close() {
            ch.close();
        }

        @Operation
        public int len() {
            return ch.len();
        }
    }

    /** Unbuffered. */
    public static class Cap0 extends Operations {
        public Cap0() {
            super(0);
        }
    }

    /** Capacity 1. */
    public static class Cap1 extends Operations {
        public Cap1() {
            super(1);
        }
    }

    /** Capacity 4. */
    public static class Cap4 extends Operations {
        public Cap4() {
            super(4);
        }
    }
}
