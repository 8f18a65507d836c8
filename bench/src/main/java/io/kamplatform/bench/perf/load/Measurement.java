package io.kamplatform.bench.perf.load;

/** What one load run saw: requests, events they carried, errors, and latency percentiles of the successful requests. */
public record Measurement(long requests, long events, long errors, double seconds, double p50Millis, double p99Millis,
                          double maxMillis, String firstError) {

    public double eventsPerSecond() {
        return events / seconds;
    }

    public double requestsPerSecond() {
        return requests / seconds;
    }

    public double errorRate() {
        return requests + errors == 0 ? 0 : (double) errors / (requests + errors);
    }

    public static Measurement of(long requests, long events, long errors, double seconds, Latencies merged, String firstError) {
        return new Measurement(requests, events, errors, seconds, merged.percentileMillis(50), merged.percentileMillis(99),
                merged.percentileMillis(100), firstError);
    }

    @Override
    public String toString() {
        return "%,.0f events/s (%,.0f req/s), p50 %.1f ms, p99 %.1f ms, errors %.2f%%".formatted(eventsPerSecond(),
                requestsPerSecond(), p50Millis, p99Millis, 100 * errorRate());
    }
}
