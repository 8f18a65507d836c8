package io.kamplatform.bench.reliability;

import java.io.PrintStream;

/** How a load shows its progress: a line every few seconds (the fault harness's log) or a redrawn bar (the benchmark). */
public interface LoadProgress {

    /** Called about five times a second while the load runs. */
    void update(int acknowledged, int total, double perSecond, long attempts, long retried);

    /** Called once when every event is acknowledged. */
    void finish(int acknowledged, double seconds, long attempts, long retried);

    /** A line every five seconds. */
    static LoadProgress lines(PrintStream out) {
        return new LoadProgress() {
            private long lastPrint;

            @Override
            public void update(int acknowledged, int total, double perSecond, long attempts, long retried) {
                if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                    lastPrint = System.nanoTime();
                    out.printf("    %,d / %,d events acknowledged (%.0f/s), %,d batch attempts, %,d retried%n", acknowledged,
                            total, perSecond, attempts, retried);
                }
            }

            @Override
            public void finish(int acknowledged, double seconds, long attempts, long retried) {
                out.printf("    all %,d events acknowledged in %.0f s (%.0f/s), %,d batch attempts, %,d retried%n",
                        acknowledged, seconds, acknowledged / seconds, attempts, retried);
            }
        };
    }
}
