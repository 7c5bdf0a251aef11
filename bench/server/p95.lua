-- wrk reporter: requests/s and latency percentiles (ms), including p95 which wrk --latency does not print
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d  errors %d  non2xx %d  rps %.0f  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
