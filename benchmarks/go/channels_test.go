package benchmarks

// Twins of go4j's own channel benchmarks (benchmarks/src/main/java/io/go4j/bench): ns per item.

import (
	"fmt"
	"sync"
	"testing"
)

// BenchmarkUnbuffered twins UnbufferedChannelBenchmark: one sender to one receiver over an
// unbuffered channel, both started anew for every 10,000 items.
func BenchmarkUnbuffered(b *testing.B) {
	invocations(b, 10_000, func(n int) {
		var wg sync.WaitGroup
		startStream(&wg, n, make(chan int))
		wg.Wait()
	})
}

// BenchmarkBuffered twins BufferedChannelBenchmark: the same stream through a buffer.
func BenchmarkBuffered(b *testing.B) {
	for _, capacity := range []int{16, 100} {
		b.Run(fmt.Sprintf("capacity=%d", capacity), func(b *testing.B) {
			invocations(b, 10_000, func(n int) {
				var wg sync.WaitGroup
				startStream(&wg, n, make(chan int, capacity))
				wg.Wait()
			})
		})
	}
}

// BenchmarkSelect2 twins SelectBenchmark: one consumer selects over two channels, each fed by
// its own producer (half of the items each); one select per item.
func BenchmarkSelect2(b *testing.B) {
	for _, capacity := range []int{0, 16} {
		b.Run(fmt.Sprintf("capacity=%d", capacity), func(b *testing.B) {
			invocations(b, 10_000, func(n int) {
				x, y := make(chan int, capacity), make(chan int, capacity)
				half := n / 2
				var wg sync.WaitGroup
				wg.Add(3)
				for _, c := range []chan int{x, y} {
					go func(c chan int) {
						defer wg.Done()
						for i := 0; i < half; i++ {
							c <- i
						}
					}(c)
				}
				go func() {
					defer wg.Done()
					sum := 0
					for i := 0; i < 2*half; i++ {
						select {
						case v := <-x:
							sum += v
						case v := <-y:
							sum += v
						}
					}
					check(sum, half*(half-1))
				}()
				wg.Wait()
			})
		})
	}
}

// BenchmarkGoroutinePairs twins GoroutinePairsBenchmark: 1,000 or 10,000 sender/receiver pairs,
// each over its own unbuffered channel, moving 200,000 items in all per invocation, start-up
// included.
func BenchmarkGoroutinePairs(b *testing.B) {
	const items = 200_000
	for _, pairs := range []int{1000, 10_000} {
		b.Run(fmt.Sprintf("pairs=%d", pairs), func(b *testing.B) {
			invocations(b, items, func(n int) {
				var wg sync.WaitGroup
				for p := 0; p < pairs; p++ {
					startStream(&wg, share(n, pairs, p), make(chan int))
				}
				wg.Wait()
			})
		})
	}
}
