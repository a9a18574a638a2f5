package benchmarks

// Twins of go4j's WakeLatency and Fairness (issue 18): not times per operation but the spread
// of single waits, reported with b.ReportMetric as percentiles over the b.N trials of the last
// run, in the units the Java programs print (p50-us, p99-us, max-us; p50-ms, max-ms).

import (
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// epoch is the origin of clock readings that goroutines share through an atomic int64.
var epoch = time.Now()

// clock reads the monotonic clock, in nanoseconds since epoch (Java's System.nanoTime()).
func clock() int64 {
	return int64(time.Since(epoch))
}

// trials runs one trial per iteration with GOMAXPROCS=procs and returns what each measured.
func trials(b *testing.B, procs int, trial func() int64) []int64 {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	waits := make([]int64, b.N)
	for i := range waits {
		waits[i] = trial()
	}
	return waits
}

// reportPercentiles reports, for each label in labels (p50, p99, max), the nearest-rank
// percentile of waits (nanoseconds) in unit (time.Microsecond or time.Millisecond), as go4j's
// Latencies does, and hides ns/op: the time of a trial is not what these benchmarks measure.
func reportPercentiles(b *testing.B, waits []int64, unit time.Duration, labels ...string) {
	sort.Slice(waits, func(i, j int) bool { return waits[i] < waits[j] })
	suffix := map[time.Duration]string{time.Microsecond: "-us", time.Millisecond: "-ms"}[unit]
	fractions := map[string]float64{"p50": 0.50, "p99": 0.99, "max": 1.0}
	for _, label := range labels {
		rank := int(math.Max(1, math.Ceil(fractions[label]*float64(len(waits)))))
		b.ReportMetric(float64(waits[rank-1])/float64(unit), label+suffix)
	}
	b.ReportMetric(0, "ns/op")
}

// BenchmarkWakeLatency: with GOMAXPROCS=2, a receiver blocks on an unbuffered channel; a sender
// reads the clock, sends and computes without blocking until the receiver has read the clock
// after its receive, or for 10 ms at most. One trial per iteration: the time from the send to the
// receiver running. The non-blocking send succeeds only into a parked receiver, as go4j's twin
// makes sure with the receiver's thread state.
func BenchmarkWakeLatency(b *testing.B) {
	const busyCap = int64(10 * time.Millisecond)
	waits := trials(b, 2, func() int64 {
		c := make(chan int)
		var ranAt, sentAt int64
		var wg sync.WaitGroup
		wg.Add(2)
		go func() {
			defer wg.Done()
			<-c
			atomic.StoreInt64(&ranAt, clock())
		}()
		go func() {
			defer wg.Done()
			for {
				sent := clock()
				select {
				case c <- 1:
					atomic.StoreInt64(&sentAt, sent)
					for atomic.LoadInt64(&ranAt) == 0 && clock()-sent < busyCap {
					}
					return
				default:
					runtime.Gosched()
				}
			}
		}()
		wg.Wait()
		return ranAt - sentAt
	})
	reportPercentiles(b, waits, time.Microsecond, "p50", "p99", "max")
}

// BenchmarkFairness: with GOMAXPROCS=1, G1 starts G3, then starts G2 and ping-pongs with it over
// two unbuffered channels until G3 has run (or for 2 s at most, counted as 2 s). One trial per
// iteration: the time from G3's start to G3 running, which only the pair's time slice running out
// allows (Go 1.19: 28 ms in issue 18).
func BenchmarkFairness(b *testing.B) {
	const giveUp = int64(2 * time.Second)
	waits := trials(b, 1, func() int64 {
		waited := make(chan int64)
		go func() {
			ping, pong := make(chan int), make(chan int)
			var thirdRanAt int64
			started := clock()
			go func() { atomic.StoreInt64(&thirdRanAt, clock()) }()
			go func() {
				for ball := range ping {
					pong <- ball
				}
			}()
			for atomic.LoadInt64(&thirdRanAt) == 0 && clock()-started < giveUp {
				ping <- 1
				<-pong
			}
			close(ping)
			if ranAt := atomic.LoadInt64(&thirdRanAt); ranAt != 0 {
				waited <- ranAt - started
			} else {
				waited <- giveUp
			}
		}()
		return <-waited
	})
	reportPercentiles(b, waits, time.Millisecond, "p50", "max")
}
