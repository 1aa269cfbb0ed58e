"""Live-search benchmarks: SSE latency and fan-out, platform overhead per trial, worker scaling."""
