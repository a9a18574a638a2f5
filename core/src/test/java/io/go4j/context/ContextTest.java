package io.go4j.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.go4j.Chan;
import io.go4j.Go;
import io.go4j.RecvChan;
import io.go4j.Select;
import io.go4j.sync.WaitGroup;
import io.go4j.time.Time;
import io.go4j.time.Timer;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Go's {@code context/context_test.go} ported (cancellation trees, deadlines, values, custom
 * contexts), plus the Go 1.20-1.21 additions: {@code Cause}, {@code WithCancelCause},
 * {@code WithDeadlineCause}, {@code WithoutCancel} and {@code AfterFunc}.
 */
@Timeout(20)
class ContextTest {

    private static final Duration SHORT = Duration.ofMillis(20);
    private static final Duration VERY_LONG = Duration.ofHours(10);
    /** How long a deadline test waits before it declares the context stuck: Go's quiescent. */
    private static final Duration QUIESCENT = Duration.ofSeconds(10);

    /** A context of another implementation that forwards everything: Go's otherContext. */
    private record OtherContext(Context c) implements Context {
        @Override
        public Optional<Instant> deadline() {
            return c.deadline();
        }

        @Override
        public RecvChan<Void> done() {
            return c.done();
        }

        @Override
        public ContextException err() {
            return c.err();
        }

        @Override
        public Object value(Object key) {
            return c.value(key);
        }
    }

    private static boolean isDone(Context c) {
        return c.done() != null && c.done().tryReceive() != null;
    }

    @Test
    void background() {
        Context c = Context.background();
        assertNull(c.done());
        assertNull(c.err());
        assertTrue(c.deadline().isEmpty());
        assertEquals("context.Background", c.toString());
        assertEquals("context.TODO", Context.todo().toString());
        assertNull(Context.todo().done());
    }

    /** Go's TestWithCancel. */
    @Test
    void testWithCancel() {
        Context.WithCancel wc = Context.withCancel(Context.background());
        Context c1 = wc.ctx();
        assertEquals("context.Background.WithCancel", c1.toString());
        Context o = new OtherContext(c1);
        Context c2 = Context.withCancel(o).ctx();
        for (Context c : List.of(c1, o, c2)) {
            assertNotNull(c.done());
            assertNull(c.err());
            assertFalse(isDone(c));
        }
        wc.cancel().cancel();
        for (Context c : List.of(c1, o)) {
            assertTrue(isDone(c));
            assertSame(Context.CANCELED, c.err());
        }
        // c2 watches an unknown parent from a goroutine, as in Go: it is canceled soon.
        c2.done().receive();
        assertSame(Context.CANCELED, c2.err());
    }

    /** Go's TestParentFinishesChild, with collectability instead of a look at the children. */
    @Test
    void testParentFinishesChild() {
        Context.WithCancel parent = Context.withCancel(Context.background());
        Context.WithCancel cancelChild = Context.withCancel(parent.ctx());
        Context valueChild = Context.withValue(parent.ctx(), "key", "value");
        Context.WithCancel timerChild = Context.withTimeout(valueChild, VERY_LONG);
        for (Context c : List.of(parent.ctx(), cancelChild.ctx(), valueChild, timerChild.ctx())) {
            assertFalse(isDone(c));
        }
        for (Context child : List.of(cancelChild.ctx(), timerChild.ctx())) {
            assertSame(parent.ctx(), ((CancelContext) child).parent.value(CancelContext.KEY),
                    "bad linkage");
        }
        parent.cancel().cancel();
        for (Context c : List.of(parent.ctx(), cancelChild.ctx(), valueChild, timerChild.ctx())) {
            assertTrue(isDone(c), c + " should be done");
            assertSame(Context.CANCELED, c.err());
        }
        Context precanceled = Context.withValue(parent.ctx(), "key", "value");
        assertTrue(isDone(precanceled));
        assertSame(Context.CANCELED, precanceled.err());
        cancelChild.close();
        timerChild.close();
    }

    /** Go's TestChildFinishesFirst. */
    @Test
    void testChildFinishesFirst() {
        Context.WithCancel cancelable = Context.withCancel(Context.background());
        for (Context parent : List.of(Context.background(), cancelable.ctx())) {
            Context.WithCancel child = Context.withCancel(parent);
            assertFalse(isDone(parent));
            assertFalse(isDone(child.ctx()));
            child.cancel().cancel();
            assertTrue(isDone(child.ctx()));
            assertSame(Context.CANCELED, child.ctx().err());
            assertFalse(isDone(parent));
            assertNull(parent.err());
        }
        cancelable.close();
    }

    private static void assertTimesOut(Context c, String name) {
        Timer timer = Time.newTimer(QUIESCENT);
        int chosen = Select.select(Select.recv(timer.c()), Select.recv(c.done()));
        timer.stop();
        assertEquals(1, chosen, name + ": context not timed out after " + QUIESCENT);
        assertSame(Context.DEADLINE_EXCEEDED, c.err(), name);
    }

    /** Go's TestDeadline. */
    @Test
    void testDeadline() {
        Context c = Context.withDeadline(Context.background(), Instant.now().plus(SHORT)).ctx();
        assertTrue(c.toString().startsWith("context.Background.WithDeadline("), c.toString());
        assertTimesOut(c, "WithDeadline");

        c = Context.withDeadline(Context.background(), Instant.now().plus(SHORT)).ctx();
        assertTimesOut(new OtherContext(c), "WithDeadline+otherContext");

        c = Context.withDeadline(Context.background(), Instant.now().plus(SHORT)).ctx();
        c = Context.withDeadline(new OtherContext(c), Instant.now().plus(VERY_LONG)).ctx();
        assertTimesOut(c, "WithDeadline+otherContext+WithDeadline");

        c = Context.withDeadline(Context.background(), Instant.now().minus(SHORT)).ctx();
        assertTimesOut(c, "WithDeadline+inthepast");

        c = Context.withDeadline(Context.background(), Instant.now()).ctx();
        assertTimesOut(c, "WithDeadline+now");
    }

    /** Go's TestTimeout. */
    @Test
    void testTimeout() {
        Context c = Context.withTimeout(Context.background(), SHORT).ctx();
        assertTrue(c.toString().startsWith("context.Background.WithDeadline("), c.toString());
        assertTimesOut(c, "WithTimeout");

        c = Context.withTimeout(Context.background(), SHORT).ctx();
        assertTimesOut(new OtherContext(c), "WithTimeout+otherContext");

        c = Context.withTimeout(Context.background(), SHORT).ctx();
        c = Context.withTimeout(new OtherContext(c), VERY_LONG).ctx();
        assertTimesOut(c, "WithTimeout+otherContext+WithTimeout");
    }

    /** Go's TestCanceledTimeout. */
    @Test
    void testCanceledTimeout() {
        Context c = Context.withTimeout(Context.background(), Duration.ofSeconds(1)).ctx();
        Context.WithCancel child = Context.withTimeout(new OtherContext(c), VERY_LONG);
        child.cancel().cancel();
        assertTrue(isDone(child.ctx()));
        assertSame(Context.CANCELED, child.ctx().err());
    }

    @Test
    void deadlines() {
        Instant d = Instant.now().plus(VERY_LONG);
        Context c = Context.withDeadline(Context.background(), d).ctx();
        assertEquals(Optional.of(d), c.deadline());
        assertEquals(Optional.of(d), Context.withDeadline(c, d.plusSeconds(1)).ctx().deadline(),
                "a later deadline than the parent's changes nothing");
        assertEquals(Optional.of(d.minusSeconds(1)),
                Context.withDeadline(c, d.minusSeconds(1)).ctx().deadline());
        assertEquals(Optional.of(d), Context.withValue(c, "k", "v").deadline());
        assertTrue(Context.withTimeout(Context.background(), Duration.ofSeconds(Long.MAX_VALUE))
                .ctx().deadline().isPresent());
    }

    private record Key1(int k) {
    }

    private record Key2(int k) {
    }

    private static void checkValues(Context c, String v1, String v2, String v3) {
        assertEquals(v1, c.value(new Key1(1)), c + " k1");
        assertEquals(v2, c.value(new Key2(1)), c + " k2");
        assertEquals(v3, c.value(new Key2(3)), c + " k3");
    }

    /** Go's TestValues. */
    @Test
    void testValues() {
        Key1 k1 = new Key1(1);
        Key2 k2 = new Key2(1);
        Key2 k3 = new Key2(3);
        checkValues(Context.background(), null, null, null);
        Context c1 = Context.withValue(Context.background(), k1, "c1k1");
        checkValues(c1, "c1k1", null, null);
        assertEquals("context.Background.WithValue(Key1[k=1], c1k1)", c1.toString());
        Context c2 = Context.withValue(c1, k2, "c2k2");
        checkValues(c2, "c1k1", "c2k2", null);
        Context c3 = Context.withValue(c2, k3, "c3k3");
        checkValues(c3, "c1k1", "c2k2", "c3k3");
        Context c4 = Context.withValue(c3, k1, null);
        checkValues(c4, null, "c2k2", "c3k3");
        checkValues(new OtherContext(Context.background()), null, null, null);
        Context o1 = new OtherContext(Context.withValue(Context.background(), k1, "c1k1"));
        checkValues(o1, "c1k1", null, null);
        Context o2 = Context.withValue(o1, k2, "o2k2");
        checkValues(o2, "c1k1", "o2k2", null);
        Context o3 = new OtherContext(c4);
        checkValues(o3, null, "c2k2", "c3k3");
        Context o4 = Context.withValue(o3, k3, null);
        checkValues(o4, null, "c2k2", null);
    }

    /** Go's TestWithValueChecksKey (for nil) and TestInvalidDerivedFail. */
    @Test
    void testWithValueChecksKey() {
        assertEquals("nil key", assertThrows(NullPointerException.class,
                () -> Context.withValue(Context.background(), null, "bar")).getMessage());
        for (Runnable r : List.<Runnable>of(
                () -> Context.withCancel(null),
                () -> Context.withDeadline(null, Instant.now().plus(SHORT)),
                () -> Context.withValue(null, "foo", "bar"))) {
            assertEquals("cannot create context from nil parent",
                    assertThrows(NullPointerException.class, r::run).getMessage());
        }
    }

    /** Go's TestSimultaneousCancels: a tree of 100 contexts canceled at once in random order. */
    @Test
    void testSimultaneousCancels() {
        Context.WithCancel root = Context.withCancel(Context.background());
        List<Context.WithCancel> all = new ArrayList<>(List.of(root));
        List<Context> queue = new ArrayList<>(List.of(root.ctx()));
        while (!queue.isEmpty() && all.size() < 100) {
            Context parent = queue.remove(0);
            for (int i = 0; i < 4; i++) {
                Context.WithCancel wc = Context.withCancel(parent);
                all.add(wc);
                queue.add(wc.ctx());
            }
        }
        Collections.shuffle(all);
        WaitGroup wg = new WaitGroup();
        for (Context.WithCancel wc : all) {
            wg.go(wc.cancel()::cancel);
        }
        Collections.shuffle(all);
        for (Context.WithCancel wc : all) {
            wc.ctx().done().receive();
        }
        wg.await();
    }

    /** Go's TestInterlockedCancels. */
    @Test
    void testInterlockedCancels() {
        Context.WithCancel parent = Context.withCancel(Context.background());
        Context.WithCancel child = Context.withCancel(parent.ctx());
        Go.go(() -> {
            parent.ctx().done().receive();
            child.cancel().cancel();
        });
        parent.cancel().cancel();
        child.ctx().done().receive();
    }

    /** Go's TestLayersCancel and TestLayersTimeout. */
    @Test
    void testLayersCancel() {
        long seed = System.nanoTime();
        layers(seed, false);
        layers(seed, true);
    }

    private static void layers(long seed, boolean timeout) {
        Random r = new Random(seed);
        List<Object> vals = new ArrayList<>();
        List<Context.CancelFunc> cancels = new ArrayList<>();
        int timers = 0;
        Context ctx = Context.background();
        for (int i = 0; i < 30 || timers == 0 || cancels.isEmpty() || vals.isEmpty(); i++) {
            switch (r.nextInt(3)) {
                case 0 -> {
                    Object v = new Object();
                    ctx = Context.withValue(ctx, v, v);
                    vals.add(v);
                }
                case 1 -> {
                    Context.WithCancel wc = Context.withCancel(ctx);
                    ctx = wc.ctx();
                    cancels.add(wc.cancel());
                }
                default -> {
                    Context.WithCancel wc = Context.withTimeout(ctx, timeout ? SHORT : VERY_LONG);
                    ctx = wc.ctx();
                    cancels.add(wc.cancel());
                    timers++;
                }
            }
        }
        String where = "seed=" + seed + " timeout=" + timeout;
        if (!timeout) {
            assertFalse(isDone(ctx), where + ": ctx should not be canceled yet");
        }
        assertTrue(ctx.toString().startsWith("context.Background."), ctx.toString());
        for (Object v : vals) {
            assertSame(v, ctx.value(v), where);
        }
        if (timeout) {
            Timer timer = Time.newTimer(QUIESCENT);
            assertEquals(1, Select.select(Select.recv(timer.c()), Select.recv(ctx.done())),
                    where + ": no timeout");
            timer.stop();
        } else {
            cancels.get(r.nextInt(cancels.size())).cancel();
            assertTrue(isDone(ctx), where + ": ctx should be canceled");
        }
        for (Object v : vals) {
            assertSame(v, ctx.value(v), where);
        }
        cancels.forEach(Context.CancelFunc::cancel);
    }

    /**
     * Go's TestCancelRemoves, by its purpose: a canceled child is no longer referenced by its
     * live parent (Go counts the parent's children; here the child must be collectable).
     */
    @Test
    void testCancelRemoves() {
        Context.WithCancel parent = Context.withCancel(Context.background());
        assertCollectedAfterCancel(() -> Context.withCancel(parent.ctx()));
        assertCollectedAfterCancel(() -> Context.withTimeout(parent.ctx(), Duration.ofMinutes(60)));
        assertCollectedAfterCancel(()
                -> Context.withCancel(Context.withValue(parent.ctx(), "k", "v")));
        assertFalse(isDone(parent.ctx()));
        parent.close();
    }

    private static void assertCollectedAfterCancel(
            java.util.function.Supplier<Context.WithCancel> make) {
        Context.WithCancel wc = make.get();
        WeakReference<Context> ref = new WeakReference<>(wc.ctx());
        wc.cancel().cancel();
        wc = null;
        for (int i = 0; i < 100 && !ref.refersTo(null); i++) {
            System.gc();
        }
        assertTrue(ref.refersTo(null), "canceled child still reachable");
    }

    /** Go's TestWithCancelCanceledParent. */
    @Test
    void testWithCancelCanceledParent() {
        Context.WithCancel parent = Context.withCancel(Context.background());
        parent.cancel().cancel();
        Context c = Context.withCancel(parent.ctx()).ctx();
        assertTrue(isDone(c));
        assertSame(Context.CANCELED, c.err());
    }

    /** Go's TestDeadlineExceededSupportsTimeout, and the messages. */
    @Test
    void testDeadlineExceededSupportsTimeout() {
        assertTrue(Context.DEADLINE_EXCEEDED.timeout());
        assertFalse(Context.CANCELED.timeout());
        assertEquals("context deadline exceeded", Context.DEADLINE_EXCEEDED.getMessage());
        assertEquals("context canceled", Context.CANCELED.getMessage());
        assertEquals("context deadline exceeded", String.valueOf(Context.DEADLINE_EXCEEDED),
                "printed as Go prints it");
        assertEquals("context canceled", String.valueOf(Context.CANCELED));
        assertEquals(0, Context.CANCELED.getStackTrace().length);
        Context.CANCELED.addSuppressed(new Exception());
        assertEquals(0, Context.CANCELED.getSuppressed().length,
                "a shared exception accepts no suppressed ones");
    }

    /** Go's TestCustomContextGoroutines, in part: the watching goroutine ends with the child. */
    @Test
    void testCustomContextGoroutines() {
        Context.WithCancel parent = Context.withCancel(Context.background());
        Context.WithCancel child = Context.withCancel(new OtherContext(parent.ctx()));
        Context.WithCancel grandchild = Context.withCancel(child.ctx());
        child.cancel().cancel();
        assertTrue(isDone(grandchild.ctx()));
        assertFalse(isDone(parent.ctx()));
        parent.close();
    }

    @Test
    void cancelIsIdempotentAndRacesAreHarmless() throws Exception {
        for (int i = 0; i < 200; i++) {
            Context.WithCancel wc = Context.withCancel(Context.background());
            Context.WithCancel child = Context.withCancel(wc.ctx());
            Thread a = Go.go(wc.cancel()::cancel);
            Thread b = Go.go(wc.cancel()::cancel);
            wc.cancel().cancel();
            a.join();
            b.join();
            assertSame(Context.CANCELED, child.ctx().err());
        }
    }

    @Test
    void doneWorksInSelectAndIsTheSameChannelEachTime() {
        Context.WithCancel wc = Context.withCancel(Context.background());
        RecvChan<Void> done = wc.ctx().done();
        assertSame(done, wc.ctx().done());
        Chan<Integer> never = Chan.make();
        Go.go(wc.cancel()::cancel);
        assertEquals(1, Select.select(Select.recv(never), Select.recv(done)));
        assertFalse(done.receiveOk().ok(), "done is closed, never sent on");
    }

    @Test
    void tryWithResourcesCancels() {
        Context ctx;
        try (var wc = Context.withTimeout(Context.background(), VERY_LONG)) {
            ctx = wc.ctx();
            assertNull(ctx.err());
        }
        assertSame(Context.CANCELED, ctx.err());
        try (Context.CancelFunc cancel = Context.withCancel(ctx).cancel()) {
            assertNotNull(cancel);
        }
    }

    // ---- Cause (Go 1.20), WithoutCancel and AfterFunc (Go 1.21) ----

    @Test
    void cause() {
        assertNull(Context.cause(Context.background()));
        Exception why = new Exception("why");
        Context.WithCancelCause wc = Context.withCancelCause(Context.background());
        Context child = Context.withValue(Context.withCancel(wc.ctx()).ctx(), "k", "v");
        assertNull(Context.cause(wc.ctx()));
        wc.cancel().cancel(why);
        wc.cancel().cancel(new Exception("later"));
        assertSame(Context.CANCELED, wc.ctx().err());
        assertSame(why, Context.cause(wc.ctx()));
        assertSame(why, Context.cause(child), "the cause reaches the descendants");

        Context.WithCancelCause plain = Context.withCancelCause(Context.background());
        plain.close();
        assertSame(Context.CANCELED, Context.cause(plain.ctx()), "no cause: the error");

        Context.WithCancel plainCancel = Context.withCancel(Context.background());
        plainCancel.close();
        assertSame(Context.CANCELED, Context.cause(plainCancel.ctx()));
        assertSame(Context.CANCELED, Context.cause(new OtherContext(plainCancel.ctx())));
    }

    @Test
    void deadlineCauses() {
        Exception late = new Exception("too late");
        Context c = Context.withTimeoutCause(Context.background(), SHORT, late).ctx();
        c.done().receive();
        assertSame(Context.DEADLINE_EXCEEDED, c.err());
        assertSame(late, Context.cause(c));

        Context d = Context.withDeadline(Context.background(), Instant.now().minusSeconds(1)).ctx();
        assertSame(Context.DEADLINE_EXCEEDED, Context.cause(d));

        Context.WithCancel early =
                Context.withDeadlineCause(Context.background(), Instant.now().plus(VERY_LONG),
                        late);
        early.close();
        assertSame(Context.CANCELED, Context.cause(early.ctx()),
                "canceled before the deadline: no deadline cause");
    }

    @Test
    void withoutCancel() {
        Context.WithCancel parent =
                Context.withCancel(Context.withValue(Context.background(), "k", "v"));
        Context c = Context.withoutCancel(parent.ctx());
        Context.WithCancel child = Context.withCancel(c);
        parent.cancel().cancel();
        assertNull(c.done());
        assertNull(c.err());
        assertNull(Context.cause(c));
        assertTrue(c.deadline().isEmpty());
        assertEquals("v", c.value("k"));
        assertFalse(isDone(child.ctx()), "the parent's cancellation stops at WithoutCancel");
        assertTrue(c.toString().endsWith(".WithoutCancel"), c.toString());
        child.close();
    }

    @Test
    void afterFuncRunsInAGoroutineOnceTheContextIsDone() {
        Context.WithCancel wc = Context.withCancel(Context.background());
        Chan<Thread> ran = Chan.make(2);
        Context.StopFunc stop = Context.afterFunc(wc.ctx(), () -> ran.send(Thread.currentThread()));
        assertNull(ran.tryReceive());
        wc.cancel().cancel();
        assertTrue(ran.receive().isVirtual());
        assertFalse(stop.stop(), "already started");
        wc.cancel().cancel();
        Time.sleep(Duration.ofMillis(20)); // gives a second, wrong run the chance to happen
        assertNull(ran.tryReceive(), "ran twice");
    }

    @Test
    void afterFuncStoppedBeforeCancel() {
        Context.WithCancel wc = Context.withCancel(Context.background());
        AtomicInteger runs = new AtomicInteger();
        Context.StopFunc stop = Context.afterFunc(wc.ctx(), runs::incrementAndGet);
        assertTrue(stop.stop());
        assertFalse(stop.stop());
        wc.cancel().cancel();
        Time.sleep(Duration.ofMillis(20)); // gives a wrongly kept function the chance to run
        assertEquals(0, runs.get());
    }

    @Test
    void afterFuncOnDoneContextRunsAtOnceAndSeveralRunIndependently() {
        Context.WithCancel wc = Context.withCancel(Context.background());
        wc.cancel().cancel();
        Chan<Integer> ran = Chan.make(2);
        Context.afterFunc(wc.ctx(), () -> ran.send(1));
        Context.afterFunc(wc.ctx(), () -> ran.send(2));
        assertEquals(3, ran.receive() + ran.receive());
    }

    @Test
    void afterFuncOnBackgroundNeverRuns() {
        Context.StopFunc stop = Context.afterFunc(Context.background(), () -> { });
        assertTrue(stop.stop());
    }
}
