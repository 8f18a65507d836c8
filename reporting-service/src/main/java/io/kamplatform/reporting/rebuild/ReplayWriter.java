package io.kamplatform.reporting.rebuild;

import io.kamplatform.kit.messaging.InfrastructureFailures;
import io.kamplatform.reporting.projection.ProjectionConfig;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.IncomingFact;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores one lane's replayed batches ({@link ReplayLanes}) in the fresh tables in the order given, on a thread of its
 * own with one batch in flight: while PostgreSQL stores one poll's share, the rebuild thread fetches and reads the next
 * (on two cores each took about as long as the other). At most two polls are held, so memory stays bounded. A batch the database rejects (data it
 * refuses) is stored again one fact at a time, skipping only the one it rejects, as the live projection does;
 * infrastructure failures are waited out.
 */
final class ReplayWriter implements AutoCloseable {

    private final FactStore store;
    private final ProjectionConfig projection;
    private final ExecutorService thread;
    private final AtomicLong recordsDone = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private Future<?> inFlight = CompletableFuture.completedFuture(null);

    ReplayWriter(FactStore store, ProjectionConfig projection, String threadName) {
        this.store = store;
        this.projection = projection;
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Waits for the batch in flight (throwing its failure), then hands this one over. {@code records}: how many
     * records the facts were read from (unreadable ones included), counted done once the facts are stored.
     */
    void write(List<IncomingFact> facts, int records) {
        awaitStored();
        inFlight = thread.submit(() -> {
            store(facts);
            recordsDone.addAndGet(records);
        });
    }

    /** Waits until every batch handed over is stored. */
    void awaitStored() {
        try {
            inFlight.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }

    /** Records whose batch is stored. */
    long recordsDone() {
        return recordsDone.get();
    }

    /** Facts the database rejected (they are on the dead-letter topics, as the live projection left them). */
    long rejected() {
        return rejected.get();
    }

    /** In one statement, else one by one skipping what fails. */
    private void store(List<IncomingFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        try {
            untilAvailable(() -> store.projectBatch(facts).await().atMost(projection.attemptTimeout()));
        } catch (RuntimeException refused) {
            for (IncomingFact fact : facts) {
                try {
                    untilAvailable(() -> store.project(fact).await().atMost(projection.attemptTimeout()));
                } catch (RuntimeException poison) {
                    rejected.incrementAndGet();
                }
            }
        }
    }

    /** Waits out infrastructure failures as the live projection does; other failures are thrown. */
    private void untilAvailable(Runnable work) {
        for (long attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!InfrastructureFailures.isInfrastructure(e)) {
                    throw e;
                }
                sleep(projection.retry().backOff().delay(attempt));
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
