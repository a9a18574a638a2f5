#!/usr/bin/env bash
# Builds the benchmarks, runs the JMH suite (go4j, Jox and java.util.concurrent side by side), the
# parked-goroutine memory program, the scheduler's latency programs (WakeLatency, Fairness) and,
# when `go` is installed, the Go twins in benchmarks/go, then writes benchmarks/results/:
# jmh-result.json, go-bench.txt, go-memory.txt, memory-java.txt, latency-java.txt, machine.txt
# (the cores' cache-line round trip before and after, see CoreRoundTrip), the table
# comparison.md and the chart ratios.png. See benchmarks/README.md.
#
#   benchmarks/compare.sh          quick mode: a smoke-sized run (numbers rough)
#   benchmarks/compare.sh --full   full mode: JMH's default iterations, Go with -count 5
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:---quick}" in
  --quick)
    jmh_args="-f 1 -wi 1 -i 3 -w 500ms -r 500ms"
    go_args="-benchtime 200ms -count 1"
    latency_args="-Dwakelatency.trials=500 -Dfairness.trials=10"
    ;;
  --full)
    jmh_args=""
    go_args="-benchtime 1s -count 5"
    latency_args=""
    ;;
  *)
    echo "usage: $0 [--quick|--full]" >&2
    exit 2
    ;;
esac

results="$PWD/benchmarks/results"
mkdir -p "$results"
rm -f "$results"/{jmh-result.json,go-bench.txt,go-memory.txt,memory-java.txt,latency-java.txt,machine.txt,comparison.md,ratios.png}
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

echo "== wake-up latency and fairness (Java)"
"${mvn[@]}" exec:exec@wakelatency $latency_args -Dlatency.out="$results/latency-java.txt"
"${mvn[@]}" exec:exec@fairness $latency_args -Dlatency.out="$results/latency-java.txt"

if command -v go >/dev/null 2>&1; then
  echo "== Go twins ($(go version))"
  (cd benchmarks/go && go test -run '^$' -bench . $go_args) | tee "$results/go-bench.txt"
  (cd benchmarks/go && go test -run '^$' -bench ParkedGoroutines -benchtime 1x -parked) | tee "$results/go-memory.txt"
else
  echo "== Go twins skipped: no 'go' command on PATH (install it with: apt-get install golang-go)"
fi

echo "== cache-line round trip between the cores, after"
"${mvn[@]}" exec:exec@roundtrip -Droundtrip.label=end -Droundtrip.out="$results/machine.txt"

echo "== report"
"${mvn[@]}" exec:exec@report -Dreport.args="$results $results/jmh-result.json $results/go-bench.txt $results/go-memory.txt $results/memory-java.txt $results/latency-java.txt $results/machine.txt"
