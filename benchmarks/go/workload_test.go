package benchmarks

// Twins of go4j's workloads (issue 22, benchmarks/src/main/java/io/go4j/bench/workload and
// runtime/LoadLatency.java): a pipeline, a parallel merge sort, many timers and latency under
// CPU load, and a loopback echo server.

import (
	"io"
	"math/rand"
	"net"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkPipeline twins PipelineBenchmark: a producer sends 100,000 items into a channel of
// 64, 4 workers pass them into a second channel of 64, a collector sums them; ns per item.
func BenchmarkPipeline(b *testing.B) {
	const capacity, workers, items = 64, 4, 10_000
	invocations(b, 100_000, func(n int) {
		in, out := make(chan int, capacity), make(chan int, capacity)
		go func() {
			for i := 0; i < n; i++ {
				in <- i % items
			}
			close(in)
		}()
		var working sync.WaitGroup
		working.Add(workers)
		for k := 0; k < workers; k++ {
			go func() {
				for v := range in {
					out <- v
				}
				working.Done()
			}()
		}
		go func() {
			working.Wait()
			close(out)
		}()
		sum, want := 0, 0
		for v := range out {
			sum += v
		}
		for i := 0; i < n; i++ {
			want += i % items
		}
		check(sum, want)
	})
}

// mergeSortCutoff twins MergeSortBenchmark.CUTOFF: shorter ranges are sorted sequentially.
const mergeSortCutoff = 1 << 14

// mergeSort sorts a[lo:hi]: the left half on a new goroutine, the right half itself, then
// merges through tmp.
func mergeSort(a, tmp []int, lo, hi int) {
	if hi-lo < mergeSortCutoff {
		sort.Ints(a[lo:hi])
		return
	}
	mid := int(uint(lo+hi) >> 1)
	done := make(chan bool, 1)
	go func() {
		mergeSort(a, tmp, lo, mid)
		done <- true
	}()
	mergeSort(a, tmp, mid, hi)
	<-done
	copy(tmp[lo:hi], a[lo:hi])
	i, j := lo, mid
	for k := lo; k < hi; k++ {
		if j >= hi || (i < mid && tmp[i] <= tmp[j]) {
			a[k] = tmp[i]
			i++
		} else {
			a[k] = tmp[j]
			j++
		}
	}
}

// BenchmarkMergeSort twins MergeSortBenchmark.go4j: 4M random ints, a fresh copy per
// iteration (copy and check outside the time); ns per sort.
func BenchmarkMergeSort(b *testing.B) {
	const size = 4 << 20
	r := rand.New(rand.NewSource(42))
	source := make([]int, size)
	for i := range source {
		source[i] = int(r.Int31())
	}
	data, tmp := make([]int, size), make([]int, size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		copy(data, source)
		b.StartTimer()
		mergeSort(data, tmp, 0, size)
		b.StopTimer()
		if !sort.IntsAreSorted(data) {
			panic("not sorted")
		}
		b.StartTimer()
	}
}

// BenchmarkTimers twins TimersBenchmark: 10,000 goroutines, each sleeping 5 times for a random
// 1 to 20 ms; ns per sleep.
func BenchmarkTimers(b *testing.B) {
	const sleepers, sleeps = 10_000, 5
	r := rand.New(rand.NewSource(42))
	millis := make([]int, sleepers*sleeps)
	for i := range millis {
		millis[i] = 1 + r.Intn(20)
	}
	invocations(b, sleepers*sleeps, func(n int) {
		var wg sync.WaitGroup
		for first := 0; first < n; first += sleeps {
			wg.Add(1)
			go func(first int) {
				defer wg.Done()
				for i := first; i < first+sleeps && i < n; i++ {
					time.Sleep(time.Duration(millis[i]) * time.Millisecond)
				}
			}(first)
		}
		wg.Wait()
	})
}

// BenchmarkLoadLatency twins LoadLatency: for 3 s, two goroutines spin while a third sleeps
// 1 ms in a loop; reports the percentiles of each sleep's lateness in ms over all iterations
// (run it with -benchtime 1x).
func BenchmarkLoadLatency(b *testing.B) {
	var late []int64
	for i := 0; i < b.N; i++ {
		deadline := time.Now().Add(3 * time.Second)
		var wg sync.WaitGroup
		wg.Add(3)
		sleeping := make(chan bool)
		go func() {
			defer wg.Done()
			close(sleeping)
			for start := time.Now(); start.Before(deadline); start = time.Now() {
				time.Sleep(time.Millisecond)
				late = append(late, int64(time.Since(start)-time.Millisecond))
			}
		}()
		<-sleeping
		for k := 0; k < 2; k++ {
			go func() {
				defer wg.Done()
				for time.Now().Before(deadline) {
				}
			}()
		}
		wg.Wait()
	}
	reportPercentiles(b, late, time.Millisecond, "p50", "p99", "max")
}

// BenchmarkEcho twins EchoServer: a loopback server with a goroutine per connection echoes
// 64-byte requests from 1,000 clients, each on its own goroutine, for 3 s; reports ns of wall time
// per request and req/s (run it with -benchtime 1x).
func BenchmarkEcho(b *testing.B) {
	const clients, seconds, message = 1_000, 3, 64
	var requests int64
	for i := 0; i < b.N; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		go func() {
			for {
				c, err := l.Accept()
				if err != nil {
					return
				}
				go func() {
					defer c.Close()
					buf := make([]byte, message)
					for {
						if _, err := io.ReadFull(c, buf); err != nil {
							return
						}
						if _, err := c.Write(buf); err != nil {
							return
						}
					}
				}()
			}
		}()
		deadline := time.Now().Add(seconds * time.Second)
		var wg sync.WaitGroup
		for k := 0; k < clients; k++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c, err := net.Dial("tcp", l.Addr().String())
				if err != nil {
					panic(err)
				}
				defer c.Close()
				buf := make([]byte, message)
				for time.Now().Before(deadline) {
					if _, err := c.Write(buf); err != nil {
						panic(err)
					}
					if _, err := io.ReadFull(c, buf); err != nil {
						panic(err)
					}
					atomic.AddInt64(&requests, 1)
				}
			}()
		}
		wg.Wait()
		l.Close()
	}
	perRequest := float64(b.N) * seconds * 1e9 / float64(requests)
	b.ReportMetric(perRequest, "ns/op")
	b.ReportMetric(1e9/perRequest, "req/s")
}
