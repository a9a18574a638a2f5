package io.go4j.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * The comparison table: for each workload, which measurement is go4j's and which are its Go twin,
 * Jox, Kotlin coroutines and the JDK baseline. Keys name a measurement:
 * <ul>
 *   <li>a JMH benchmark: {@code SimpleClassName.method}, plus {@code [param=value]} when it has a
 *       parameter;
 *   <li>a Go benchmark: {@code go:} and its name as {@code go test -bench} prints it, without the
 *       {@code -GOMAXPROCS} suffix;
 *   <li>a line of the output of a main program ({@code ParkedGoroutines}, {@code WakeLatency},
 *       {@code Fairness}): {@code mem:} and its name;
 *   <li>one metric of such a line, for the benchmarks that report percentiles: its key, a space
 *       and the metric's unit, as {@code go:BenchmarkWakeLatency p99-us}.
 * </ul>
 * A null key means the workload has no such contender.
 */
final class Twins {


    /**
     * One row of the table; {@code jdkName} says which JDK class or scheduler the JDK column is.
     */
    record Row(String workload, String unit, String go4j, String go, String jox, String kotlin,
            String jdk, String jdkName) {

        /** A row without a Kotlin contender. */
        Row(String workload, String unit, String go4j, String go, String jox, String jdk,
                String jdkName) {
            this(workload, unit, go4j, go, jox, null, jdk, jdkName);
        }
    }

    private static final String NS = "ns/op";

    private Twins() {
    }

    static final List<Row> ROWS = List.of(
            // go4j's channel benchmarks (io.go4j.bench); Kotlin on the rows of Jox's benchmarks
            new Row("unbuffered, 1 → 1", NS, "UnbufferedChannelBenchmark.go4j",
                    "go:BenchmarkUnbuffered",
                    "UnbufferedChannelBenchmark.jox", "UnbufferedChannelBenchmark.kotlin",
                    "UnbufferedChannelBenchmark.synchronousQueue", "SynchronousQueue"),
            buffered(16),
            buffered(100),
            select("1-case select, unbuffered", "OneClause", 0, null),
            select("2-case select, unbuffered", "", 0, "go:BenchmarkSelect2/capacity=0"),
            select("2-case select, cap 16", "", 16, "go:BenchmarkSelect2/capacity=16"),
            pairs(1000, 0),
            pairs(10000, 0),
            pairs(10000, 16),
            pairs(10000, 100),
            chain(0),
            chain(16),
            chain(100),
            // twins of Go's runtime channel and select benchmarks (io.go4j.bench.runtime)
            new Row("ChanSync", NS, "ChanTwinsBenchmark.chanSync_go4j", "go:BenchmarkChanSync",
                    "ChanTwinsBenchmark.chanSync_jox",
                    "ChanTwinsBenchmark.chanSync_synchronousQueue", "SynchronousQueue"),
            new Row("ChanProdCons0", NS, "ChanTwinsBenchmark.chanProdCons_go4j[capacity=0]",
                    "go:BenchmarkChanProdCons0",
                    "ChanTwinsBenchmark.chanProdCons_jox[capacity=0]",
                    "ChanTwinsBenchmark.chanProdCons_jdk[capacity=0]",
                    "SynchronousQueue"),
            new Row("ChanProdCons10", NS, "ChanTwinsBenchmark.chanProdCons_go4j[capacity=10]",
                    "go:BenchmarkChanProdCons10",
                    "ChanTwinsBenchmark.chanProdCons_jox[capacity=10]",
                    "ChanTwinsBenchmark.chanProdCons_jdk[capacity=10]",
                    "ArrayBlockingQueue"),
            new Row("ChanProdCons100", NS, "ChanTwinsBenchmark.chanProdCons_go4j[capacity=100]",
                    "go:BenchmarkChanProdCons100",
                    "ChanTwinsBenchmark.chanProdCons_jox[capacity=100]",
                    "ChanTwinsBenchmark.chanProdCons_jdk[capacity=100]",
                    "ArrayBlockingQueue"),
            new Row("ChanSem", NS, "ChanTwinsBenchmark.chanSem_go4j", "go:BenchmarkChanSem",
                    "ChanTwinsBenchmark.chanSem_jox",
                    "ChanTwinsBenchmark.chanSem_arrayBlockingQueue", "ArrayBlockingQueue"),
            new Row("ChanPopular", NS, "ChanTwinsBenchmark.chanPopular_go4j",
                    "go:BenchmarkChanPopular",
                    "ChanTwinsBenchmark.chanPopular_jox", null, null),
            new Row("SelectUncontended", NS, "SelectTwinsBenchmark.selectUncontended_go4j",
                    "go:BenchmarkSelectUncontended",
                    "SelectTwinsBenchmark.selectUncontended_jox", null, null),
            new Row("SelectProdCons", NS, "SelectTwinsBenchmark.selectProdCons_go4j",
                    "go:BenchmarkSelectProdCons",
                    "SelectTwinsBenchmark.selectProdCons_jox", null, null),
            // the scheduler: go4j's against the JDK's default virtual-thread scheduler
            scheduler("spawn and join 1,000,000", "spawnJoin", "BenchmarkSpawnJoin"),
            scheduler("CreateGoroutines", "createGoroutines", "BenchmarkCreateGoroutines"),
            scheduler("ping-pong", "pingPong", "BenchmarkPingPong"),
            scheduler("chain of 10,000, scheduler", "chain", "BenchmarkChain"),
            scheduler("10,000 goroutine pairs, scheduler", "pairs", "BenchmarkPairs"),
            scheduler("PingPongHog", "pingPongHog", "BenchmarkPingPongHog"),
            // twins of Go's sync benchmarks (io.go4j.bench.sync)
            sync("MutexUncontended", "MutexBenchmark.mutexUncontended", "BenchmarkMutexUncontended",
                    "reentrantLock", "ReentrantLock"),
            sync("Mutex", "MutexBenchmark.mutex", "BenchmarkMutex", "reentrantLock",
                    "ReentrantLock"),
            sync("Mutex on goroutines", "MutexBenchmark.mutexOnGoroutines", "BenchmarkMutex",
                    "reentrantLock", "ReentrantLock"),
            sync("MutexSlack", "MutexBenchmark.mutexSlack", "BenchmarkMutexSlack", "reentrantLock",
                    "ReentrantLock"),
            sync("MutexSlack on goroutines", "MutexBenchmark.mutexSlackOnGoroutines",
                    "BenchmarkMutexSlack", "reentrantLock",
                    "ReentrantLock"),
            sync("MutexWork", "MutexBenchmark.mutexWork", "BenchmarkMutexWork", "reentrantLock",
                    "ReentrantLock"),
            rwMutex("Write100", "rwMutex", ""),
            rwMutex("Write100", "rwMutexOnGoroutines", " on goroutines"),
            rwMutex("Write10", "rwMutex", ""),
            rwMutex("Write10", "rwMutexOnGoroutines", " on goroutines"),
            rwMutex("WorkWrite100", "rwMutex", ""),
            rwMutex("WorkWrite100", "rwMutexOnGoroutines", " on goroutines"),
            sync("WaitGroupUncontended", "WaitGroupBenchmark.waitGroupUncontended",
                    "BenchmarkWaitGroupUncontended",
                    "countDownLatch", "CountDownLatch"),
            sync("WaitGroupAddDone", "WaitGroupBenchmark.waitGroupAddDone",
                    "BenchmarkWaitGroupAddDone", "phaser", "Phaser"),
            sync("WaitGroupWait", "WaitGroupBenchmark.waitGroupWait", "BenchmarkWaitGroupWait",
                    "countDownLatch",
                    "CountDownLatch"),
            sync("Once", "OnceBenchmark.once", "BenchmarkOnce", "doubleCheckedLocking",
                    "double-checked locking"),
            sync("Semaphore, uncontended", "SemaphoreBenchmark.semaphoreUncontended", null, "jdk",
                    "Semaphore"),
            sync("Semaphore, contended, on goroutines",
                    "SemaphoreBenchmark.semaphoreContendedOnGoroutines", null, "jdk",
                    "Semaphore"),
            // the scheduler's latencies (issue 18): percentiles of single waits
            wakeLatency("p50"),
            wakeLatency("p99"),
            fairness("median", "p50"),
            fairness("max", "max"),
            // workloads (issue 22): a pipeline, a merge sort, many timers, latency under CPU load
            pipeline("chanOnVirtualThreads", "go4j's Chan on JDK virtual threads"),
            pipeline("queueOnVirtualThreads", "ArrayBlockingQueue, JDK virtual threads"),
            pipeline("queueOnPlatformThreads", "ArrayBlockingQueue, platform threads"),
            mergeSort("virtualThreads", "JDK virtual threads"),
            mergeSort("forkJoinPool", "ForkJoinPool"),
            mergeSort("sequential", "Arrays.sort, one thread"),
            workload("10,000 sleepers, Time.sleep", "TimersBenchmark.go4jTimeSleep",
                    "BenchmarkTimers", "TimersBenchmark.virtualThreads",
                    "JDK virtual threads, Thread.sleep"),
            workload("10,000 sleepers, Thread.sleep", "TimersBenchmark.go4jThreadSleep",
                    "BenchmarkTimers", "TimersBenchmark.virtualThreads",
                    "JDK virtual threads, Thread.sleep"),
            echo("virtualThread", "JDK virtual threads"),
            echo("platformThread", "platform threads"),
            loadLatency("p50"),
            loadLatency("p99"),
            loadLatency("max"),
            // memory
            new Row("1,000,000 parked goroutines", "B/goroutine", "mem:ParkedGoroutines/go4j",
                    "go:BenchmarkParkedGoroutines",
                    "mem:ParkedGoroutines/jox", "mem:ParkedGoroutines/virtualThread",
                    "JDK virtual threads, SynchronousQueue"));

    /**
     * A workload of {@code io.go4j.bench.workload}: go4j against its Go twin and one JVM variant
     * ({@code jdkName} tells them apart); one row per variant, all of one name.
     */
    private static Row workload(String workload, String go4j, String goTwin, String jdk,
            String jdkName) {
        return new Row(workload, NS, go4j, "go:" + goTwin, null, jdk, jdkName);
    }

    /** {@code PipelineBenchmark}: go4j against the variant {@code method}. */
    private static Row pipeline(String method, String jdkName) {
        return workload("pipeline", "PipelineBenchmark.go4j", "BenchmarkPipeline",
                "PipelineBenchmark." + method, jdkName);
    }

    /** {@code MergeSortBenchmark}: go4j against the variant {@code method}. */
    private static Row mergeSort(String method, String jdkName) {
        return workload("merge sort of 4M ints", "MergeSortBenchmark.go4j", "BenchmarkMergeSort",
                "MergeSortBenchmark." + method, jdkName);
    }

    /** {@code EchoServer} and {@code BenchmarkEcho}: ns per request, go4j against a variant. */
    private static Row echo(String variant, String jdkName) {
        return new Row("echo server, 1,000 clients", NS, "mem:Echo/go4j", "go:BenchmarkEcho", null,
                "mem:Echo/" + variant, jdkName);
    }

    /**
     * A percentile of {@code LoadLatency} and {@code BenchmarkLoadLatency}: how late a 1 ms sleep
     * ends while two threads spin on two cores.
     */
    private static Row loadLatency(String percentile) {
        String metric = " " + percentile + "-ms";
        return new Row("1 ms sleep beside 2 spinners, lateness " + percentile, "ms",
                "mem:LoadLatency/go4j" + metric, "go:BenchmarkLoadLatency" + metric, null,
                "mem:LoadLatency/virtualThread" + metric, "JDK virtual threads, Thread.sleep");
    }

    /** {@code BufferedChannelBenchmark} at one capacity. */
    private static Row buffered(int capacity) {
        String p = "[capacity=" + capacity + "]";
        String b = "BufferedChannelBenchmark.";
        return new Row("buffered cap " + capacity + ", 1 → 1", NS, b + "go4j" + p,
                "go:BenchmarkBuffered/capacity=" + capacity, b + "jox" + p, b + "kotlin" + p,
                b + "arrayBlockingQueue" + p, "ArrayBlockingQueue");
    }

    /** A {@code SelectBenchmark} row: {@code variant} is "" (two clauses) or "OneClause". */
    private static Row select(String workload, String variant, int capacity, String goTwin) {
        String p = "[capacity=" + capacity + "]";
        String s = "SelectBenchmark.";
        return new Row(workload, NS, s + "go4j" + variant + p, goTwin, s + "jox" + variant + p,
                s + "kotlin" + variant + p, null, null);
    }

    /** A {@code GoroutinePairsBenchmark} row; Go's twin is unbuffered only. */
    private static Row pairs(int pairs, int capacity) {
        String p = "[capacity=" + capacity + ",pairs=" + pairs + "]";
        String b = "GoroutinePairsBenchmark.";
        String workload = String.format(Locale.ROOT, "%,d goroutine pairs", pairs);
        return new Row(workload + capped(capacity), NS,
                b + "go4j" + p, capacity == 0 ? "go:BenchmarkGoroutinePairs/pairs=" + pairs : null,
                b + "jox" + p, b + "kotlin" + p, b + "jdkQueue" + p, jdkQueue(capacity));
    }

    /** A {@code GoroutineChainBenchmark} row; Go's twin is unbuffered only. */
    private static Row chain(int capacity) {
        String p = "[capacity=" + capacity + "]";
        String b = "GoroutineChainBenchmark.";
        return new Row("chain of 10,000" + capped(capacity), NS, b + "go4j" + p,
                capacity == 0 ? "go:BenchmarkChain" : null, b + "jox" + p, b + "kotlin" + p,
                b + "jdkQueue" + p, jdkQueue(capacity));
    }

    /** A workload's suffix for a buffered variant; nothing for unbuffered. */
    private static String capped(int capacity) {
        return capacity == 0 ? "" : ", cap " + capacity;
    }

    /** What {@code Contenders.jdkQueue(capacity)} is. */
    private static String jdkQueue(int capacity) {
        return capacity == 0 ? "SynchronousQueue" : "ArrayBlockingQueue";
    }

    /** A {@code SchedulerBenchmark} workload: go4j's scheduler against the JDK's. */
    private static Row scheduler(String workload, String method, String goTwin) {
        return new Row(workload, NS, "SchedulerBenchmark." + method + "_go4j", "go:" + goTwin, null,
                "SchedulerBenchmark." + method + "_virtualThread", "JDK virtual-thread scheduler");
    }

    /**
     * A percentile of {@code WakeLatency} and {@code BenchmarkWakeLatency}: the time from a send
     * to the receiver running while the sender computes.
     */
    private static Row wakeLatency(String percentile) {
        String metric = " " + percentile + "-us";
        return new Row("wake-up, busy waker, " + percentile, "µs", "mem:WakeLatency/go4j" + metric,
                "go:BenchmarkWakeLatency" + metric, null, "mem:WakeLatency/virtualThread" + metric,
                "JDK virtual threads, SynchronousQueue");
    }

    /**
     * A percentile of {@code Fairness} and {@code BenchmarkFairness}: the wait of a runnable
     * goroutine behind a ping-pong pair on one proc; no JDK baseline.
     */
    private static Row fairness(String name, String percentile) {
        String metric = " " + percentile + "-ms";
        return new Row("wait behind a ping-pong pair, " + name, "ms", "mem:Fairness/go4j" + metric,
                "go:BenchmarkFairness" + metric, null, null, null);
    }

    /** A sync benchmark: {@code prefix_go4j} against {@code prefix_jdkMethod}. */
    private static Row sync(String workload, String prefix, String goTwin, String jdkMethod,
            String jdkName) {
        return new Row(workload, NS, prefix + "_go4j", goTwin == null ? null : "go:" + goTwin, null,
                prefix + "_" + jdkMethod, jdkName);
    }


    /**
     * An {@code RWMutexBenchmark} twin: {@code method} is {@code rwMutex} or
     * {@code rwMutexOnGoroutines}.
     */
    private static Row rwMutex(String twin, String method, String variant) {
        String param = "[twin=" + twin + "]";
        return new Row("RWMutex" + twin + variant, NS,
                "RWMutexBenchmark." + method + "_go4j" + param,
                "go:BenchmarkRWMutex" + twin, null,
                "RWMutexBenchmark." + method + "_reentrantReadWriteLock" + param,
                "ReentrantReadWriteLock");
    }
}
