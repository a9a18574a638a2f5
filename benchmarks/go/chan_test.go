package benchmarks

// Twins of go4j's ChanTwinsBenchmark and SelectTwinsBenchmark, which twin the channel and select
// benchmarks of Go's runtime/chan_test.go: same names, same work, run in invocations of 100,000
// operations (1,000 selecting rounds for ChanPopular: 100) as JMH runs them.

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	opsPerInvocation = 100_000
	callsPerSched    = 1000
)

// batches is Go's shared work counter: n operations in batches of callsPerSched.
func batches(n int) *int32 {
	left := int32(n / callsPerSched)
	return &left
}

// BenchmarkChanSync: two goroutines on one unbuffered channel; on even batches a goroutine
// receives then sends, on odd ones sends then receives.
func BenchmarkChanSync(b *testing.B) {
	invocations(b, opsPerInvocation, func(n int) {
		left := batches(n / (2 * callsPerSched) * (2 * callsPerSched)) // even: the goroutines pair up
		c := make(chan int)
		var wg sync.WaitGroup
		wg.Add(2)
		for p := 0; p < 2; p++ {
			go func() {
				defer wg.Done()
				for i := atomic.AddInt32(left, -1); i >= 0; i = atomic.AddInt32(left, -1) {
					for g := 0; g < callsPerSched; g++ {
						if i%2 == 0 {
							<-c
							c <- 1
						} else {
							c <- 1
							<-c
						}
					}
				}
			}()
		}
		wg.Wait()
	})
}

// benchmarkChanProdCons: GOMAXPROCS producers send ones in batches then a 0 each; as many
// consumers receive until a 0.
func benchmarkChanProdCons(b *testing.B, capacity int) {
	invocations(b, opsPerInvocation, func(n int) {
		left := batches(n)
		c := make(chan int, capacity)
		var wg sync.WaitGroup
		var received int64
		wg.Add(2 * gomaxprocs)
		for p := 0; p < gomaxprocs; p++ {
			go func() {
				defer wg.Done()
				for atomic.AddInt32(left, -1) >= 0 {
					for g := 0; g < callsPerSched; g++ {
						c <- 1
					}
				}
				c <- 0
			}()
			go func() {
				defer wg.Done()
				count := 0
				for v := <-c; v != 0; v = <-c {
					count += v
				}
				atomic.AddInt64(&received, int64(count))
			}()
		}
		wg.Wait()
		check(int(received), n/callsPerSched*callsPerSched)
	})
}

func BenchmarkChanProdCons0(b *testing.B)   { benchmarkChanProdCons(b, 0) }
func BenchmarkChanProdCons10(b *testing.B)  { benchmarkChanProdCons(b, 10) }
func BenchmarkChanProdCons100(b *testing.B) { benchmarkChanProdCons(b, 100) }

// BenchmarkChanSem: a channel of capacity GOMAXPROCS used as a semaphore by GOMAXPROCS
// goroutines: one send and one receive per operation.
func BenchmarkChanSem(b *testing.B) {
	invocations(b, opsPerInvocation, func(n int) {
		c := make(chan int, gomaxprocs)
		var wg sync.WaitGroup
		wg.Add(gomaxprocs)
		for p := 0; p < gomaxprocs; p++ {
			go func(ops int) {
				defer wg.Done()
				for i := 0; i < ops; i++ {
					c <- 1
					<-c
				}
			}(share(n, gomaxprocs, p))
		}
		wg.Wait()
	})
}

// BenchmarkChanPopular: 1,000 goroutines each select over a channel nobody sends to and their
// own; one goroutine sends once to each own channel per round (an operation).
func BenchmarkChanPopular(b *testing.B) {
	const popular = 1000
	invocations(b, 100, func(rounds int) {
		never := make(chan int)
		own := make([]chan int, popular)
		var wg sync.WaitGroup
		wg.Add(popular + 1)
		for j := range own {
			d := make(chan int)
			own[j] = d
			go func() {
				defer wg.Done()
				for i := 0; i < rounds; i++ {
					select {
					case <-never:
						panic("a select chose the channel nobody sends to")
					case <-d:
					}
				}
			}()
		}
		go func() {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				for _, d := range own {
					d <- 1
				}
			}
		}()
		wg.Wait()
	})
}

// BenchmarkSelectUncontended: GOMAXPROCS goroutines, each moving a token between two channels
// of capacity 1 of its own with a select.
func BenchmarkSelectUncontended(b *testing.B) {
	invocations(b, opsPerInvocation, func(n int) {
		var wg sync.WaitGroup
		wg.Add(gomaxprocs)
		for p := 0; p < gomaxprocs; p++ {
			go func(ops int) {
				defer wg.Done()
				x, y := make(chan int, 1), make(chan int, 1)
				x <- 0
				for i := 0; i < ops; i++ {
					select {
					case <-x:
						y <- 0
					case <-y:
						x <- 0
					}
				}
			}(share(n, gomaxprocs, p))
		}
		wg.Wait()
	})
}

// BenchmarkSelectProdCons: GOMAXPROCS producers and consumers on a channel of capacity 128, both
// sides selecting over it, a timer channel and a close channel, with 100 rounds of local work per
// item. As in Go's runtime benchmark and the go4j twin, the timer is time.After(time.Hour).
func BenchmarkSelectProdCons(b *testing.B) {
	invocations(b, opsPerInvocation, func(n int) {
		left := batches(n)
		items := make(chan int, 128)
		closing := make(chan bool)
		var wg sync.WaitGroup
		wg.Add(2 * gomaxprocs)
		for p := 0; p < gomaxprocs; p++ {
			go func() {
				defer wg.Done()
				timer := time.After(time.Hour)
				foo := 0
				for atomic.AddInt32(left, -1) >= 0 {
					for g := 0; g < callsPerSched; g++ {
						foo = localWork(foo, 100)
						select {
						case items <- 1:
						case <-timer:
						case <-closing:
						}
					}
				}
				items <- 0
				keep(foo)
			}()
			go func() {
				defer wg.Done()
				timer := time.After(time.Hour)
				foo := 0
			loop:
				for {
					select {
					case v := <-items:
						if v == 0 {
							break loop
						}
					case <-timer:
					case <-closing:
					}
					foo = localWork(foo, 100)
				}
				keep(foo)
			}()
		}
		wg.Wait()
	})
}
