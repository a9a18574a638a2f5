package benchmarks

import (
	"runtime"
	"sync"
	"testing"
)

// gomaxprocs is the number of goroutines of b.RunParallel and of the GOMAXPROCS-sized runtime
// benchmarks; the JMH twins use the CPU count, which is Go's default.
var gomaxprocs = runtime.GOMAXPROCS(0)

// invocations runs b.N operations as JMH runs its twin: run(n) starts its goroutines, does n
// operations and waits for them; n is per, except for a smaller last invocation.
func invocations(b *testing.B, per int, run func(n int)) {
	for done := 0; done < b.N; {
		n := per
		if b.N-done < n {
			n = b.N - done
		}
		run(n)
		done += n
	}
}

// localWork is the work Go's benchmarks put between two synchronizations (go4j's LocalWork).
func localWork(foo, rounds int) int {
	for i := 0; i < rounds; i++ {
		foo *= 2
		foo /= 2
	}
	return foo
}

// share is the part of ops that goroutine part of parts runs; all parts add up to ops.
func share(ops, parts, part int) int {
	n := ops / parts
	if part < ops%parts {
		n++
	}
	return n
}

// sink keeps the result of local work alive, as the JMH twins' volatile field does.
var sink struct {
	sync.Mutex
	foo int
}

func keep(foo int) {
	sink.Lock()
	sink.foo = foo
	sink.Unlock()
}

// startStream starts a consumer that receives n values from c and checks their sum, and a
// producer that sends 0 .. n-1 (go4j's Workers.startStream).
func startStream(wg *sync.WaitGroup, n int, c chan int) {
	wg.Add(2)
	go func() {
		defer wg.Done()
		sum := 0
		for i := 0; i < n; i++ {
			sum += <-c
		}
		check(sum, n*(n-1)/2)
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < n; i++ {
			c <- i
		}
	}()
}

// check panics unless a consumer received what was sent (go4j's Items.check).
func check(got, want int) {
	if got != want {
		panic("received items do not add up")
	}
}
