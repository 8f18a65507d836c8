package io.kamplatform.bench.perf.load;

import java.util.Arrays;

/** Latencies in nanoseconds, collected by one thread at a time (each client has its own, merged at the end). */
public final class Latencies {

    private long[] values = new long[1024];
    private int size;

    public void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public int size() {
        return size;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** Nearest-rank percentile in milliseconds of a merged (sorted) set; NaN when empty. */
    public double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return values[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
