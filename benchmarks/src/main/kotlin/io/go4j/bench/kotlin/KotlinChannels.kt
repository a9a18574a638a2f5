package io.go4j.bench.kotlin

import kotlinx.coroutines.Deferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.selects.select

/**
 * The Kotlin-coroutine contender of go4j's channel benchmarks (Kotlin's `Channel` and `select`),
 * called from the JMH classes of `io.go4j.bench`: each function is one invocation of a benchmark,
 * doing the same work as its go4j method on coroutines of `Dispatchers.Default` (as many threads
 * as cores), entered with `runBlocking`, and returns what the consumers received so that the
 * caller can check it. Capacity 0 is a rendezvous channel, as in Go. The items are boxed once,
 * up front, as go4j's `Items` are.
 */
object KotlinChannels {

    /** The boxed items 0 until 10,000, sent as they are. */
    private val ITEMS: Array<Any> = Array(10_000) { it }

    /**
     * One producer sends items 0 until `items` over a channel of `capacity` to one consumer:
     * the sum the consumer received (`UnbufferedChannelBenchmark`, `BufferedChannelBenchmark`).
     */
    @JvmStatic
    fun stream(capacity: Int, items: Int): Long = runBlocking(Dispatchers.Default) {
        val c = Channel<Any>(capacity)
        launch { send(c, items) }
        receive(c, items)
    }

    /**
     * `pairs` producer/consumer pairs, each over its own channel of `capacity`, each moving
     * `perPair` items: the sum of all consumers (`GoroutinePairsBenchmark`).
     */
    @JvmStatic
    fun pairs(pairs: Int, capacity: Int, perPair: Int): Long = runBlocking(Dispatchers.Default) {
        val sums = ArrayList<Deferred<Long>>(pairs)
        repeat(pairs) {
            val c = Channel<Any>(capacity)
            launch { send(c, perPair) }
            sums.add(async { receive(c, perPair) })
        }
        sums.sumOf { it.await() }
    }

    /**
     * A chain of `length` coroutines linked by channels of `capacity`, one value passed down it
     * from its right end to its left: the value (`GoroutineChainBenchmark`).
     */
    @JvmStatic
    fun chain(length: Int, capacity: Int): Int = runBlocking(Dispatchers.Default) {
        val leftmost = Channel<Any>(capacity)
        var left = leftmost
        repeat(length) {
            val l = left
            val r = Channel<Any>(capacity)
            launch { l.send(r.receive()) }
            left = r
        }
        val rightmost = left
        launch { rightmost.send(ITEMS[1]) }
        leftmost.receive() as Int
    }

    /**
     * Two producers, each sending items 0 until `items / 2` over its own channel of `capacity`,
     * and one consumer running `items` two-clause receive selects: the sum it received
     * (`SelectBenchmark`).
     */
    @JvmStatic
    fun select2(capacity: Int, items: Int): Long = runBlocking(Dispatchers.Default) {
        val a = Channel<Any>(capacity)
        val b = Channel<Any>(capacity)
        launch { send(a, items / 2) }
        launch { send(b, items / 2) }
        var sum = 0L
        repeat(items) {
            sum += select<Any> {
                a.onReceive { it }
                b.onReceive { it }
            } as Int
        }
        sum
    }

    /**
     * One producer sending items 0 until `items` over a channel of `capacity`, and one consumer
     * receiving each with a one-clause select: the sum it received (`SelectBenchmark`).
     */
    @JvmStatic
    fun select1(capacity: Int, items: Int): Long = runBlocking(Dispatchers.Default) {
        val a = Channel<Any>(capacity)
        launch { send(a, items) }
        var sum = 0L
        repeat(items) {
            sum += select<Any> { a.onReceive { it } } as Int
        }
        sum
    }

    private suspend fun send(c: Channel<Any>, items: Int) {
        for (i in 0 until items) {
            c.send(ITEMS[i])
        }
    }

    private suspend fun receive(c: Channel<Any>, items: Int): Long {
        var sum = 0L
        repeat(items) { sum += c.receive() as Int }
        return sum
    }
}
