package io.go4j.stress.soak;

import io.go4j.Chan;
import io.go4j.ChanClosedException;
import io.go4j.Go;
import io.go4j.GoInterruptedException;
import io.go4j.Received;
import io.go4j.Select;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A randomized stress run of channels and {@code select}: many goroutines doing random sends,
 * receives, selects with and without default, non-blocking operations, closes and interrupts
 * over a pool of channels of mixed capacities, while one more goroutine sends an interrupt storm.
 *
 * <h2>What it checks</h2>
 * <ul>
 *   <li>Every value is accounted for exactly once. Each value is a fresh {@link Msg}; a receiver
 *       marks it received with a CAS (a second receipt is a duplicate); a sender whose send
 *       failed (closed channel, interrupt, a select case that did not fire) marks it failed. A
 *       value both received and failed is reported by whichever side looks second (both marks
 *       are volatile, written before the other is read). At the end, with every channel closed
 *       and drained, the number of values received must equal the number of successful sends:
 *       received values are a subset of the sent ones, so equal counts mean nothing was lost.</li>
 *   <li>Per-sender FIFO: a receiver never gets, from one channel, a value of a sender that is
 *       older than one it already got from that sender on that channel.</li>
 *   <li>No goroutine is left blocked: once the run stops, closing every channel must let every
 *       goroutine return within {@link #SHUTDOWN}.</li>
 *   <li>No leaked waiter nodes: the heap used after a full GC, sampled during the run, must not
 *       keep growing (a waiter left in a queue by a select that fired elsewhere, or by an
 *       interrupted operation, would pile up on the pinned channels, which are never closed).</li>
 * </ul>
 *
 * <p>Every goroutine draws its operations from its own {@link SplittableRandom} seeded from the
 * run's seed, so a seed replays the same operation sequences; the interleaving, as always with
 * threads, is not replayed.
 */
public final class ChannelStress {

    /** How long the goroutines have, after the run stops and every channel is closed, to return. */
    static final Duration SHUTDOWN = Duration.ofSeconds(30);
    private static final int[] CAPACITIES = {0, 0, 1, 4, 16, 0, 1, 4};
    /** Slots below this index hold channels that are never closed during the run. */
    private static final int PINNED = 4;
    private static final int MAX_VIOLATIONS = 20;

    /**
     * The parameters of a run.
     *
     * @param seed the seed of every goroutine's random operations
     * @param duration how long the goroutines run operations
     * @param goroutines how many goroutines run operations
     * @param heapSampleEvery how often the heap is sampled (after a full GC)
     * @param virtual true to run the workers as goroutines ({@link Go#go}, virtual threads),
     *     false to run them as platform threads
     */
    public record Config(long seed, Duration duration, int goroutines, Duration heapSampleEvery,
            boolean virtual) {
    }

    /**
     * What a run did and found.
     *
     * @param seed the run's seed
     * @param operations operations started
     * @param valuesMoved values received (each exactly once)
     * @param failedSends sends that threw or whose select case did not fire
     * @param interrupts operations that ended with {@link GoInterruptedException}
     * @param closes channels closed during the run
     * @param defaults selects that took their default
     * @param heapMiB heap used after full GCs, in MiB, in sampling order
     * @param violations what went wrong (empty if nothing did)
     */
    public record Report(long seed, long operations, long valuesMoved, long failedSends,
            long interrupts,
            long closes, long defaults, List<Long> heapMiB, List<String> violations) {

        /** Returns the summary lines printed after a run. */
        public String summary() {
            return "channel stress: seed " + seed + ", " + operations + " operations, "
                    + valuesMoved
                    + " values moved exactly once, " + failedSends + " failed sends, " + interrupts
                    + " interrupted operations, " + closes + " closes, " + defaults
                    + " defaults; heap after GC (MiB) "
                    + heapMiB + "; " + (violations.isEmpty() ? "no violations" : violations.size()
                            + " violations: " + violations);
        }
    }

    /** A value sent over the channels. */
    static final class Msg {
        private static final AtomicIntegerFieldUpdater<Msg> RECEIVED =
                AtomicIntegerFieldUpdater.newUpdater(Msg.class, "received");

        final int sender;
        final long seq;
        final long channel;
        volatile int received;
        volatile boolean failed;

        Msg(int sender, long seq, long channel) {
            this.sender = sender;
            this.seq = seq;
            this.channel = channel;
        }

        boolean markReceived() {
            return RECEIVED.compareAndSet(this, 0, 1);
        }
    }

    /** A channel of the pool, with a number that tells it from the channels it replaced. */
    record Channel(Chan<Msg> chan, long number) {
    }

    private final Config config;
    private final AtomicReferenceArray<Channel> slots =
            new AtomicReferenceArray<>(CAPACITIES.length);
    /** Every channel that may still hold values: those in the slots and those being drained. */
    private final Map<Long, Channel> live = new ConcurrentHashMap<>();
    private final AtomicLong channelNumbers = new AtomicLong();
    private final Thread[] goroutines;
    private final LongAdder operations = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder failedSends = new LongAdder();
    private final LongAdder interrupts = new LongAdder();
    private final LongAdder closes = new LongAdder();
    private final LongAdder defaults = new LongAdder();
    private final List<String> violations = new ArrayList<>();
    /**
     * Opened once every worker's thread is in {@link #goroutines}: workers interrupt each other.
     */
    private final CountDownLatch everyoneStarted = new CountDownLatch(1);
    private volatile boolean stop;

    private ChannelStress(Config config) {
        this.config = config;
        this.goroutines = new Thread[config.goroutines()];
        for (int i = 0; i < CAPACITIES.length; i++) {
            slots.set(i, newChannel(i));
        }
    }

    /**
     * Runs the stress test.
     *
     * @param config the parameters
     * @return the report; the run passed if its violations are empty
     */
    public static Report run(Config config) {
        return new ChannelStress(config).run();
    }

    private Report run() {
        for (int i = 0; i < goroutines.length; i++) {
            Worker w = new Worker(i, new SplittableRandom(config.seed() * 31 + i));
            goroutines[i] = start(w::loop);
        }
        long end = System.nanoTime() + config.duration().toNanos();
        everyoneStarted.countDown();
        Thread storm = start(this::interruptStorm);
        List<Long> heap = sampleHeapUntil(end);
        stop = true;
        joinQuietly(storm, SHUTDOWN.toMillis());
        if (storm.isAlive()) {
            violation("the interrupt-storm goroutine did not stop within " + SHUTDOWN.toSeconds()
                    + " s: goroutines starved (" + Arrays.toString(storm.getStackTrace()) + ")");
        }
        shutDown();
        Worker drainer = new Worker(-1, new SplittableRandom(config.seed()));
        for (Channel c : live.values()) {
            drainer.drain(c);
        }
        heap.add(usedHeapMiB());
        long s = sent.sum();
        long r = received.sum();
        if (s != r) {
            violation(s + " values sent but " + r + " received");
        }
        checkHeap(heap);
        synchronized (violations) {
            return new Report(config.seed(), operations.sum(), r, failedSends.sum(),
                    interrupts.sum(),
                    closes.sum(), defaults.sum(), heap, List.copyOf(violations));
        }
    }

    private Thread start(Runnable body) {
        return config.virtual() ? Go.go(body) : Thread.ofPlatform().daemon().start(body);
    }

    /** Samples the heap every {@code heapSampleEvery} until {@code end}; the sleep only paces. */
    private List<Long> sampleHeapUntil(long end) {
        List<Long> heap = new ArrayList<>();
        long every = config.heapSampleEvery().toNanos();
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            LockSupport.parkNanos(Math.min(every, end - now));
            if (System.nanoTime() < end) {
                heap.add(usedHeapMiB());
            }
        }
        return heap;
    }

    private static long usedHeapMiB() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() >> 20;
    }

    /**
     * The heap must not grow through the run: the last sample may exceed the smallest one taken
     * after the first quarter (warm-up) by at most 64 MiB.
     */
    private void checkHeap(List<Long> heap) {
        int warm = heap.size() / 4;
        if (heap.size() - warm < 2) {
            return;
        }
        long low = heap.subList(warm, heap.size() - 1).stream().mapToLong(Long::longValue).min()
                .orElseThrow();
        long last = heap.get(heap.size() - 1);
        if (last > low + 64) {
            violation("heap grew from " + low + " MiB to " + last + " MiB: leaked waiters?");
        }
    }

    /**
     * Stops the run: closes every channel until every goroutine has returned, then once more,
     * for the channels a goroutine opened (a close operation replaces the channel it closes)
     * after the last pass that ran while it was alive. Left open, such a channel would block the
     * final drain forever: a goroutine that replaced its channel and then saw {@code stop} was
     * not waited for if every goroutine after it in the array had returned already.
     */
    private void shutDown() {
        long deadline = System.nanoTime() + SHUTDOWN.toNanos();
        for (Thread g : goroutines) {
            while (g.isAlive() && System.nanoTime() < deadline) {
                for (Channel c : live.values()) {
                    closeQuietly(c);
                }
                joinQuietly(g, 100);
            }
            if (g.isAlive()) {
                violation(g + " still blocked " + SHUTDOWN.toSeconds()
                        + " s after every channel was closed: "
                        + Arrays.toString(g.getStackTrace()));
            }
        }
        for (Channel c : live.values()) {
            closeQuietly(c);
        }
    }

    private void interruptStorm() {
        SplittableRandom random = new SplittableRandom(config.seed() - 1);
        while (!stop) {
            goroutines[random.nextInt(goroutines.length)].interrupt();
            LockSupport.parkNanos(random.nextLong(20_000, 200_000));
        }
    }

    private Channel newChannel(int slot) {
        Channel c = new Channel(Chan.make(CAPACITIES[slot]), channelNumbers.incrementAndGet());
        live.put(c.number(), c);
        return c;
    }

    private static void closeQuietly(Channel c) {
        try {
            c.chan().close();
        } catch (ChanClosedException e) {
            // closed already: by a goroutine's close operation or an earlier round
        }
    }

    private static void joinQuietly(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void violation(String what) {
        synchronized (violations) {
            if (violations.size() < MAX_VIOLATIONS) {
                violations.add(what);
            }
        }
    }

    /** One goroutine: its random operations and what it has received. */
    private final class Worker {
        private final int id;
        private final SplittableRandom random;
        /** The last sequence number received per (channel, sender); bounded, oldest dropped. */
        private final Map<Long, Long> lastSeq = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
                return size() > 4096;
            }
        };
        private long seq;

        Worker(int id, SplittableRandom random) {
            this.id = id;
            this.random = random;
        }

        void loop() {
            awaitEveryoneStarted();
            try {
                while (!stop) {
                    operations.increment();
                    try {
                        step();
                    } catch (GoInterruptedException e) {
                        interrupts.increment();
                        Thread.interrupted();
                    }
                }
            } catch (RuntimeException | Error e) {
                violation("worker " + id + " died: " + e);
            }
        }

        /**
         * Waits for the start; an interrupt from a peer that started first is not a reason to stop.
         */
        private void awaitEveryoneStarted() {
            for (;;) {
                try {
                    everyoneStarted.await();
                    return;
                } catch (InterruptedException e) {
                    interrupts.increment();
                }
            }
        }

        private void step() {
            int op = random.nextInt(1000);
            Channel c = slots.get(random.nextInt(CAPACITIES.length));
            if (op < 200) {
                send(c);
            } else if (op < 400) {
                Received<Msg> got = c.chan().receiveOk();
                accept(got.value(), got.ok());
            } else if (op < 550) {
                select(false);
            } else if (op < 700) {
                select(true);
            } else if (op < 840) {
                trySend(c);
            } else if (op < 980) {
                Received<Msg> got = c.chan().tryReceive();
                if (got != null) {
                    accept(got.value(), got.ok());
                }
            } else if (op < 998) {
                goroutines[random.nextInt(goroutines.length)].interrupt();
            } else if (random.nextInt(20) == 0) {
                close(PINNED + random.nextInt(CAPACITIES.length - PINNED));
            }
        }

        private Msg newMsg(Channel c) {
            return new Msg(id, seq++, c.number());
        }

        private void send(Channel c) {
            Msg m = newMsg(c);
            try {
                c.chan().send(m);
                sent.increment();
            } catch (ChanClosedException e) {
                fail(m);
            } catch (GoInterruptedException e) {
                fail(m);
                throw e;
            }
        }

        private void trySend(Channel c) {
            Msg m = newMsg(c);
            boolean ok;
            try {
                ok = c.chan().trySend(m);
            } catch (ChanClosedException e) {
                ok = false;
            }
            if (ok) {
                sent.increment();
            } else {
                fail(m);
            }
        }

        /** A select of two or three cases, each a send or a receive on a random channel. */
        private void select(boolean withDefault) {
            int n = 2 + random.nextInt(2);
            List<Select.Case> cases = new ArrayList<>(n + 1);
            Msg[] msgs = new Msg[n];
            for (int i = 0; i < n; i++) {
                Channel c = slots.get(random.nextInt(CAPACITIES.length));
                if (random.nextBoolean()) {
                    msgs[i] = newMsg(c);
                    cases.add(Select.send(c.chan(), msgs[i]));
                } else {
                    cases.add(Select.recvOk(c.chan(), (Msg v, boolean ok) -> accept(v, ok)));
                }
            }
            if (withDefault) {
                cases.add(Select.defaultCase());
            }
            int chosen = -1;
            try {
                chosen = Select.select(cases);
            } catch (ChanClosedException | GoInterruptedException e) {
                if (e instanceof GoInterruptedException) {
                    interrupts.increment();
                    Thread.interrupted();
                }
            } finally {
                for (int i = 0; i < n; i++) {
                    if (msgs[i] != null) {
                        if (i == chosen) {
                            sent.increment();
                        } else {
                            fail(msgs[i]);
                        }
                    }
                }
            }
            if (chosen == n) {
                defaults.increment();
            }
        }

        private void close(int slot) {
            Channel old = slots.get(slot);
            Channel fresh = newChannel(slot);
            if (!slots.compareAndSet(slot, old, fresh)) {
                live.remove(fresh.number());
                return;
            }
            closeQuietly(old);
            closes.increment();
            drain(old);
        }

        /** Receives from a closed channel until it is drained, then forgets it. */
        void drain(Channel c) {
            for (;;) {
                try {
                    Received<Msg> got = c.chan().receiveOk();
                    if (!got.ok()) {
                        break;
                    }
                    accept(got.value(), true);
                } catch (GoInterruptedException e) {
                    interrupts.increment();
                    Thread.interrupted();
                }
            }
            live.remove(c.number());
        }

        private void fail(Msg m) {
            failedSends.increment();
            m.failed = true;
            if (m.received != 0) {
                violation("value " + m.sender + "/" + m.seq
                        + " was received although its send failed");
            }
        }

        private void accept(Msg m, boolean ok) {
            if (!ok) {
                return;
            }
            if (!m.markReceived()) {
                violation("value " + m.sender + "/" + m.seq + " received twice");
                return;
            }
            received.increment();
            if (m.failed) {
                violation("value " + m.sender + "/" + m.seq
                        + " was received although its send failed");
            }
            long key = m.channel * 65_536 + m.sender;
            Long last = lastSeq.put(key, m.seq);
            if (last != null && last >= m.seq) {
                violation("FIFO: from channel #" + m.channel + " got " + m.sender + "/" + m.seq
                        + " after "
                        + m.sender + "/" + last);
            }
        }
    }

}
