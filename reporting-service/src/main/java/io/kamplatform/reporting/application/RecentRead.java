package io.kamplatform.reporting.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Something the portfolio reports read from the database before each answer (the account states, the stream gaps),
 * taken from the last read while that read started at most {@code maxAge} before the question: under load one query
 * waited for was most of a report's time (W4, 2026-12-03 night: the states read alone p99 137–307 ms, the report
 * p99 233–691 ms, its own CPU about a millisecond).
 * <ul>
 * <li>A read younger than half the bound is taken as it is.</li>
 * <li>An older one, still within the bound, is taken as it is and read again in the background: nobody waits for that
 * read, so readers that keep asking rarely wait for queries (only when that read takes longer than the rest of the
 * bound).</li>
 * <li>Older than the bound, or none yet: the caller waits for the read in flight when it started within the bound,
 * else for a new one.</li>
 * <li>{@code maxAge} zero: every caller waits for a read of its own, as before this class.</li>
 * </ul>
 * A failed read fails the callers waiting for it and leaves the last good one to those within the bound; a caller that
 * goes away cancels only its own wait. No timeout of its own: a read that never answers is bounded by the client's.
 * Failed reads are counted ({@code kam.read-models.recent-reads.failed}), a read ahead's too, which nobody waits for;
 * the first failure after a good read is logged (at most once a minute: a database that comes and goes would log every
 * few reads), and the good read that ends a logged run of failures.
 */
public final class RecentRead<T> {

    private static final Logger LOG = Logger.getLogger(RecentRead.class);
    private static final long LOG_AT_MOST_EVERY = Duration.ofMinutes(1).toNanos();

    private final Supplier<Uni<T>> read;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Counter recent;
    private final Counter waited;
    private final Counter failures;
    private final String what;

    // Guarded by this: the last value read and when its read started; the latest read in flight and when it started.
    private T value;
    private long valueReadAt;
    private boolean hasValue;
    private CompletableFuture<T> inFlight;
    private long inFlightReadAt;
    private long generation; // a read begun before forget() keeps no value
    private long failuresInARow; // logged when it leaves 0 and when it comes back to it
    private boolean runLogged;
    private long lastLoggedAt; // a minute before construction, so the first failure is logged

    /**
     * @param what the metric's {@code read} tag ({@code kam.read-models.recent-reads}: answers taken from a recent read
     *             and answers that waited for one)
     */
    public RecentRead(String what, Supplier<Uni<T>> read, Duration maxAge, MeterRegistry registry, LongSupplier nanoTime) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("max age must not be negative: " + maxAge);
        }
        this.what = what;
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
        this.lastLoggedAt = nanoTime.getAsLong() - LOG_AT_MOST_EVERY;
        this.recent = counter(registry, what, "recent");
        this.waited = counter(registry, what, "waited");
        this.failures = Counter.builder("kam.read-models.recent-reads.failed").tag("read", what)
                .description("Reads for the portfolio reports that failed, read-aheads included (nobody waits for "
                        + "those: reports take the last good read until it is older than portfolio-reads-max-age)")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String what, String answered) {
        return Counter.builder("kam.read-models.recent-reads").tag("read", what).tag("answered", answered)
                .description("Portfolio report answers that took the last read (at most portfolio-reads-max-age "
                        + "old) or waited for a read")
                .register(registry);
    }

    /** The value as read at most {@code maxAge} before this call (or by a read that started after it). */
    public Uni<T> get() {
        if (maxAgeNanos == 0) {
            waited.increment();
            return Uni.createFrom().<T>deferred(read::get).invoke(item -> succeeded()).onFailure().invoke(this::failed);
        }
        long now = nanoTime.getAsLong();
        boolean taken = false;
        T takenValue = null;
        CompletableFuture<T> ahead = null;
        CompletableFuture<T> wait = null;
        long begunIn;
        synchronized (this) {
            begunIn = generation;
            long age = now - valueReadAt;
            if (hasValue && age <= maxAgeNanos) {
                taken = true;
                takenValue = value;
                if (age > maxAgeNanos / 2 && inFlight == null) {
                    ahead = begin(now); // read again in the background: nobody waits for it
                }
            } else if (inFlight != null && now - inFlightReadAt <= maxAgeNanos) {
                wait = inFlight;
            } else {
                wait = begin(now);
                ahead = wait;
            }
        }
        if (ahead != null) {
            start(ahead, now, begunIn);
        }
        if (taken) {
            recent.increment();
            return Uni.createFrom().item(takenValue);
        }
        waited.increment();
        // a copy each: a caller that goes away cancels its copy, not the read the others share
        return Uni.createFrom().completionStage(wait.copy());
    }

    /**
     * Takes nothing read so far: the next caller waits for a read that starts after this call (e.g. after a rebuild
     * switched other tables in). Callers already waiting keep their read.
     */
    public synchronized void forget() {
        hasValue = false;
        inFlight = null;
        generation++;
    }

    /** Registers a read starting at {@code at} as the latest in flight (holding this). */
    private CompletableFuture<T> begin(long at) {
        inFlight = new CompletableFuture<>();
        inFlightReadAt = at;
        return inFlight;
    }

    /** Runs the read outside the lock; a result replaces the value only if no later-started read's came first. */
    private void start(CompletableFuture<T> future, long at, long begunIn) {
        Uni<T> uni;
        try {
            uni = read.get();
        } catch (RuntimeException failure) {
            uni = Uni.createFrom().failure(failure);
        }
        uni.subscribe().with(item -> {
            synchronized (this) {
                if (begunIn == generation && (!hasValue || at - valueReadAt >= 0)) {
                    value = item;
                    valueReadAt = at;
                    hasValue = true;
                }
                if (inFlight == future) {
                    inFlight = null;
                }
            }
            succeeded();
            future.complete(item);
        }, failure -> {
            synchronized (this) {
                if (inFlight == future) {
                    inFlight = null;
                }
            }
            failed(failure);
            future.completeExceptionally(failure);
        });
    }

    private void succeeded() {
        long runEnded;
        synchronized (this) {
            runEnded = runLogged ? failuresInARow : 0;
            failuresInARow = 0;
            runLogged = false;
        }
        if (runEnded > 0) {
            LOG.infof("The %s read for the portfolio reports succeeded again after %d failed", what, runEnded);
        }
    }

    private void failed(Throwable failure) {
        failures.increment();
        long now = nanoTime.getAsLong();
        boolean log;
        synchronized (this) {
            log = failuresInARow++ == 0 && now - lastLoggedAt >= LOG_AT_MOST_EVERY;
            if (log) {
                runLogged = true;
                lastLoggedAt = now;
            }
        }
        if (log) {
            // once per run of failures: during an outage every report would read, and fail, again
            LOG.warnf(failure, "The %s read for the portfolio reports failed; the reports that need a read fail with it "
                    + "until one succeeds (counted in kam_read_models_recent_reads_failed_total)", what);
        }
    }
}
