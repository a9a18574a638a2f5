// Package benchmarks holds the Go twins of go4j's JMH benchmarks: for each JMH benchmark in
// benchmarks/src/main/java, a `go test -bench` benchmark doing the same work, so that one machine
// can time both (see ../README.md, "Side by side with Go").
//
// Every twin counts what the JMH benchmark counts as one operation, and, where the JMH benchmark
// starts its goroutines anew for each invocation of a fixed number of operations, runs b.N
// operations in invocations of that same size (see invocations), so that goroutine start-up
// weighs the same on both sides.
package benchmarks
