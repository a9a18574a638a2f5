package benchmarks

// Twins of go4j's sync benchmarks (benchmarks/src/main/java/io/go4j/bench/sync), which twin the
// benchmarks of Go's sync package of the same names: GOMAXPROCS goroutines (b.RunParallel)
// share b.N operations. The JMH methods that run on platform threads report each thread's time
// per operation; the report divides it by the thread count to compare it with these.

import (
	"sync"
	"testing"
)

// paddedMutex keeps each goroutine's mutex on its own cache lines.
type paddedMutex struct {
	sync.Mutex
	pad [128]byte
}

func BenchmarkMutexUncontended(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		var mu paddedMutex
		for pb.Next() {
			mu.Lock()
			mu.Unlock()
		}
	})
}

// benchmarkMutex: all goroutines on one mutex, 10 goroutines per P with slack, 100 rounds of
// local work after each unlock with work.
func benchmarkMutex(b *testing.B, slack, work bool) {
	var mu sync.Mutex
	if slack {
		b.SetParallelism(10)
	}
	b.RunParallel(func(pb *testing.PB) {
		foo := 0
		for pb.Next() {
			mu.Lock()
			mu.Unlock()
			if work {
				foo = localWork(foo, 100)
			}
		}
		keep(foo)
	})
}

func BenchmarkMutex(b *testing.B)      { benchmarkMutex(b, false, false) }
func BenchmarkMutexSlack(b *testing.B) { benchmarkMutex(b, true, false) }
func BenchmarkMutexWork(b *testing.B)  { benchmarkMutex(b, false, true) }

// benchmarkRWMutex: every writeRatio-th operation write-locks, the others read-lock around
// localWork rounds of local work.
func benchmarkRWMutex(b *testing.B, writeRatio, work int) {
	var rw sync.RWMutex
	b.RunParallel(func(pb *testing.PB) {
		foo := 0
		for pb.Next() {
			foo++
			if foo%writeRatio == 0 {
				rw.Lock()
				rw.Unlock()
			} else {
				rw.RLock()
				foo = localWork(foo, work)
				rw.RUnlock()
			}
		}
		keep(foo)
	})
}

func BenchmarkRWMutexWrite100(b *testing.B)     { benchmarkRWMutex(b, 100, 0) }
func BenchmarkRWMutexWrite10(b *testing.B)      { benchmarkRWMutex(b, 10, 0) }
func BenchmarkRWMutexWorkWrite100(b *testing.B) { benchmarkRWMutex(b, 100, 100) }

// paddedWaitGroup keeps each goroutine's WaitGroup on its own cache lines.
type paddedWaitGroup struct {
	sync.WaitGroup
	pad [128]byte
}

func BenchmarkWaitGroupUncontended(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		var wg paddedWaitGroup
		for pb.Next() {
			wg.Add(1)
			wg.Done()
			wg.Wait()
		}
	})
}

func BenchmarkWaitGroupAddDone(b *testing.B) {
	var wg sync.WaitGroup
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			wg.Add(1)
			wg.Done()
		}
	})
}

func BenchmarkWaitGroupWait(b *testing.B) {
	var wg sync.WaitGroup
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			wg.Wait()
		}
	})
}

func BenchmarkOnce(b *testing.B) {
	var once sync.Once
	f := func() {}
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			once.Do(f)
		}
	})
}
