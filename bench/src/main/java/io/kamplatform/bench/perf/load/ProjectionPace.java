package io.kamplatform.bench.perf.load;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live projection's own rate, from reporting-service's {@code kam_projection_projected_total} (every topic), while
 * it drains a backlog that nothing else adds to: sampled every {@link #EVERY_MILLIS} ms from {@link #start} until
 * {@link #stop}. The rate counts from the first sample that moved to the one that first showed the last event: neither
 * the consumers rejoining their group before it, nor the wait for the counts after it, dilute it.
 */
public final class ProjectionPace {

    public static final long EVERY_MILLIS = 200;
    static final String METRIC = "kam_projection_projected_total";

    private final ServiceMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;
    private final Track track = new Track(System.nanoTime());

    /**
     * {@code events} projected in {@code seconds} from the first sample that moved, which came {@code startSeconds}
     * after {@link #start}; {@code events} 0 when nothing moved after it. {@code backlog}: every event projected
     * between the first sample and the last, those before the first move included.
     */
    public record Drain(long events, double seconds, double startSeconds, long backlog) {
        public double rate() {
            return seconds > 0 ? events / seconds : 0;
        }

        @Override
        public String toString() {
            return events == 0 ? "nothing left to project"
                    : "%,.0f events/s (%,d events in %.1f s, of a backlog of %,d)".formatted(rate(), events, seconds, backlog);
        }
    }

    /** The samples as they come: the first, the first that moved, the last change. */
    static final class Track {
        private final long startedAt;
        private long first = -1;
        private long moved = -1;
        private long movedAt;
        private long last = -1;
        private long lastChangedAt;

        Track(long startedAt) {
            this.startedAt = startedAt;
        }

        synchronized void sample(long count, long at) {
            if (first < 0) {
                first = count;
            } else if (count != last) {
                if (moved < 0) {
                    moved = count;
                    movedAt = at;
                }
                lastChangedAt = at;
            }
            last = count;
        }

        /** Null when no sample was read. */
        synchronized Drain drain() {
            if (first < 0) {
                return null;
            }
            return moved < 0 ? new Drain(0, 0, 0, 0)
                    : new Drain(last - moved, (lastChangedAt - movedAt) / 1e9, (movedAt - startedAt) / 1e9, last - first);
        }
    }

    private ProjectionPace(ServiceMetrics metrics) {
        this.metrics = metrics;
        this.sampler = Thread.ofPlatform().daemon().name("projection-pace").start(this::sample);
    }

    /** Starts sampling the projection of the service whose metrics are at {@code metricsUrl} (no token needed). */
    public static ProjectionPace start(Http http, String metricsUrl) {
        return new ProjectionPace(new ServiceMetrics(http, metricsUrl));
    }

    /** Stops sampling; what was projected since {@link #start}, or null when the counter could not be read. */
    public Drain stop() throws InterruptedException {
        running.set(false);
        sampler.join();
        return track.drain();
    }

    private void sample() {
        while (running.get()) {
            Double projected = metrics.read(ProjectionPace::parse);
            if (projected != null) {
                track.sample(projected.longValue(), System.nanoTime());
            }
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The events projected, over every topic; null when the exposition has no such sample. */
    static Double parse(String exposition) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (ServiceMetrics.isSample(line, METRIC)) {
                sum += ServiceMetrics.value(line);
                found = true;
            }
        }
        return found ? sum : null;
    }
}
