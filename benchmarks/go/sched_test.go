package benchmarks

// Twins of go4j's SchedulerBenchmark (go4j's scheduler against the JDK's virtual-thread
// scheduler): the same workloads on Go's scheduler.

import (
	"runtime"
	"sync"
	"testing"
)

// BenchmarkSpawnJoin: one goroutine starts 1,000,000 goroutines one after the other, each
// marking itself done in a shared WaitGroup that the benchmark waits for; ns per goroutine.
func BenchmarkSpawnJoin(b *testing.B) {
	invocations(b, 1_000_000, func(n int) {
		var wg sync.WaitGroup
		wg.Add(n)
		go func() {
			for i := 0; i < n; i++ {
				go wg.Done()
			}
		}()
		wg.Wait()
	})
}

// BenchmarkCreateGoroutines: a chain of goroutines in which each starts the next and ends, the
// last one signalling (runtime/proc_test.go's benchmark of the same name); ns per goroutine.
func BenchmarkCreateGoroutines(b *testing.B) {
	invocations(b, opsPerInvocation, func(n int) {
		done := make(chan bool)
		var next func(n int)
		next = func(n int) {
			if n == 0 {
				done <- true
				return
			}
			go next(n - 1)
		}
		go next(n)
		<-done
	})
}

// BenchmarkPingPong: round trips of a value between two goroutines over two unbuffered channels.
func BenchmarkPingPong(b *testing.B) {
	invocations(b, 100_000, func(n int) {
		ping, pong := make(chan int), make(chan int)
		var wg sync.WaitGroup
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				pong <- <-ping
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				ping <- 1
				<-pong
			}
		}()
		wg.Wait()
	})
}

// BenchmarkChain: test/chan/goroutines.go, a chain of 10,000 goroutines each passing one value
// from its right channel to its left one; ns per goroutine, start-up included.
func BenchmarkChain(b *testing.B) {
	invocations(b, 10_000, func(n int) {
		done := make(chan bool)
		go func() {
			leftmost := make(chan int)
			left := leftmost
			for i := 0; i < n; i++ {
				right := make(chan int)
				go func(l, r chan int) { l <- <-r }(left, right)
				left = right
			}
			go func(c chan int) { c <- 1 }(left)
			check(<-leftmost, 1)
			done <- true
		}()
		<-done
	})
}

// BenchmarkPairs: 10,000 sender/receiver pairs, each over its own unbuffered channel, moving
// 200,000 items in all per invocation; ns per item, start-up included.
func BenchmarkPairs(b *testing.B) {
	const pairs = 10_000
	invocations(b, 200_000, func(n int) {
		var wg sync.WaitGroup
		for p := 0; p < pairs; p++ {
			startStream(&wg, share(n, pairs, p), make(chan int))
		}
		wg.Wait()
	})
}

// BenchmarkPingPongHog: runtime/proc_test.go's benchmark of the same name. A goroutine spins on a
// non-blocking select while two others ping-pong; with GOMAXPROCS=1, as in Go's runtime, the
// scheduler must hand the P over between the ping-pongers without the hog taking its turn. The
// JMH twin cannot run with one carrier (a Java hog is never preempted), so there the hog holds a
// carrier of its own and the ping-pong shares the rest: see SchedulerBenchmark.
func BenchmarkPingPongHog(b *testing.B) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	invocations(b, 100_000, func(n int) {
		stop, done := make(chan bool), make(chan bool)
		go func() {
			for {
				select {
				case <-stop:
					done <- true
					return
				default:
				}
			}
		}()
		ping, pong := make(chan bool), make(chan bool)
		go func() {
			for i := 0; i < n; i++ {
				pong <- <-ping
			}
			close(stop)
			done <- true
		}()
		go func() {
			for i := 0; i < n; i++ {
				ping <- <-pong
			}
			done <- true
		}()
		ping <- true
		<-stop
		<-ping
		<-done
		<-done
		<-done
	})
}
