package benchmarks

// Twin of go4j's ParkedGoroutines: the memory of goroutines parked on one channel.

import (
	"flag"
	"runtime"
	"sync"
	"testing"
)

// parked enables BenchmarkParkedGoroutines, which weighs goroutines rather than timing anything:
// compare.sh runs it apart, with -benchtime=1x -parked.
var parked = flag.Bool("parked", false, "run BenchmarkParkedGoroutines")

// BenchmarkParkedGoroutines starts 1,000,000 goroutines that all block receiving from one
// channel and reports, as B/goroutine, the growth of the heap in use plus the goroutine stacks
// in use (runtime.MemStats HeapAlloc + StackInuse, after a collection) divided by their number.
// It runs only with -parked, and should with -benchtime=1x: each iteration parks a million
// goroutines.
func BenchmarkParkedGoroutines(b *testing.B) {
	if !*parked {
		b.Skip("weighs a million goroutines: run with -benchtime=1x -parked")
	}
	const goroutines = 1_000_000
	var total float64
	for i := 0; i < b.N; i++ {
		total += parkedBytes(goroutines)
	}
	b.ReportMetric(total/float64(b.N), "B/goroutine")
}

// parkedBytes parks n goroutines, weighs them, then releases them and waits for them to end.
func parkedBytes(n int) float64 {
	c := make(chan int)
	var started, ended sync.WaitGroup
	started.Add(n)
	ended.Add(n)
	before := inUse()
	for i := 0; i < n; i++ {
		go func() {
			defer ended.Done()
			started.Done()
			<-c
		}()
	}
	started.Wait()
	after := inUse()
	close(c)
	ended.Wait()
	return float64(after-before) / float64(n)
}

// inUse is the heap and stack memory in use after a collection, in bytes.
func inUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse
}
