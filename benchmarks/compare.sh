#!/usr/bin/env bash
# Builds the benchmarks, runs the JMH suite (go4j, Jox, Kotlin and java.util.concurrent side by
# side, and the workloads of io.go4j.bench.workload), the parked-goroutine memory program, the
# scheduler's programs (WakeLatency, Fairness, LoadLatency, EchoServer) and, when `go` is installed,
# go4j and its Go twins interleaved row by row (Interleaved: a JMH fork, then the Go twin, round
# after round, with the cores' round trip read between rounds) and the Go latency and memory
# twins; then writes benchmarks/results/: jmh-result.json, interleaved.tsv, go-bench.txt,
# go-memory.txt, memory-java.txt, latency-java.txt, machine.txt (the cores' cache-line round
# trip before and after, see CoreRoundTrip), the table comparison.md and the chart ratios.png.
# See benchmarks/README.md.
#
#   benchmarks/compare.sh [--quick] [ROWS]   quick mode: a smoke-sized run (numbers rough)
#   benchmarks/compare.sh --full [ROWS]      full mode: JMH's default iterations, 5 Go rounds
# ROWS, a regex, keeps the interleaved rows whose workload it finds (default: all of them).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:---quick}" in
  --quick)
    jmh_args="-f 1 -wi 1 -i 3 -w 500ms -r 500ms"
    go_args="-benchtime 200ms -count 1"
    latency_args="-Dwakelatency.trials=500 -Dfairness.trials=10"
    interleaved="1 quick"
    ;;
  --full)
    jmh_args=""
    go_args="-benchtime 1s -count 5"
    latency_args=""
    interleaved="5 full"
    ;;
  *)
    echo "usage: $0 [--quick|--full] [ROWS]" >&2
    exit 2
    ;;
esac
rows="${2:-}"

results="$PWD/benchmarks/results"
mkdir -p "$results"
rm -f "$results"/{jmh-result.json,interleaved.tsv,go-bench.txt,go-memory.txt,memory-java.txt}
rm -f "$results"/{latency-java.txt,machine.txt,comparison.md,ratios.png}
# Each step packages again (a no-op once built): a goal run at an earlier phase would look for
# go4j-core in ~/.m2, where a fresh machine has none.
mvn=(./mvnw -q -B -pl benchmarks -am package -DskipTests)

echo "== build"
"${mvn[@]}"

echo "== cache-line round trip between the cores, before"
"${mvn[@]}" exec:exec@roundtrip -Droundtrip.label=start -Droundtrip.out="$results/machine.txt"

echo "== JMH suite"
"${mvn[@]}" exec:exec -Dbench -Dbench.args="$jmh_args" -Dbench.result="$results/jmh-result.json"

echo "== parked goroutines (Java)"
"${mvn[@]}" exec:exec@memory -Dmemory.out="$results/memory-java.txt"

echo "== wake-up latency, fairness, latency under CPU load and echo server (Java)"
"${mvn[@]}" exec:exec@wakelatency $latency_args -Dlatency.out="$results/latency-java.txt"
"${mvn[@]}" exec:exec@fairness $latency_args -Dlatency.out="$results/latency-java.txt"
"${mvn[@]}" exec:exec@loadlatency -Dlatency.out="$results/latency-java.txt"
"${mvn[@]}" exec:exec@echo -Dlatency.out="$results/latency-java.txt"

if command -v go >/dev/null 2>&1; then
  echo "== Go twins ($(go version))"
  go_test="$PWD/benchmarks/target/go-bench.test"
  (cd benchmarks/go && go test -c -o "$go_test")
  echo "== go4j and Go interleaved, row by row ($interleaved)"
  "${mvn[@]}" exec:exec@interleaved \
    -Dinterleaved.args="$interleaved $go_test $results/interleaved.tsv '$rows'"
  echo "== Go latency and memory twins"
  (cd benchmarks/go && go test -run '^$' -bench 'WakeLatency|Fairness' $go_args) \
    | tee "$results/go-bench.txt"
  (cd benchmarks/go && go test -run '^$' -bench 'LoadLatency|Echo' -benchtime 1x) \
    | tee -a "$results/go-bench.txt"
  (cd benchmarks/go && go test -run '^$' -bench ParkedGoroutines -benchtime 1x -parked) \
    | tee "$results/go-memory.txt"
else
  echo "== Go twins skipped: no 'go' command on PATH (install it with: apt-get install golang-go)"
fi

echo "== cache-line round trip between the cores, after"
"${mvn[@]}" exec:exec@roundtrip -Droundtrip.label=end -Droundtrip.out="$results/machine.txt"

echo "== report"
"${mvn[@]}" exec:exec@report -Dreport.args="$results $results/jmh-result.json \
$results/interleaved.tsv $results/go-bench.txt $results/go-memory.txt $results/memory-java.txt \
$results/latency-java.txt $results/machine.txt"
