module go4j.io/benchmarks

go 1.19
