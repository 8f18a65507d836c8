package io.kamplatform.kit.recording;

import io.kamplatform.kit.store.ConcurrentAppendException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.function.Function;

/**
 * Runs one load-decide-append in a transaction. Losing a race to a concurrent writer (same stream version or
 * event id) rolls back and runs the whole work again on fresh state, with jittered back-off: the loser never
 * overwrites the winner, and a retry of an already recorded event then answers as a replay.
 */
public final class RecordingTransaction {

    /** How often a lost race is retried before the client gets a 409. */
    public static final int CONCURRENCY_RETRIES = 10;

    private RecordingTransaction() {
    }

    public static <T> Uni<T> run(Pool pool, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work)
                .onFailure(ConcurrentAppendException.class).retry()
                .withBackOff(Duration.ofMillis(2), Duration.ofMillis(100)).withJitter(0.5)
                .atMost(CONCURRENCY_RETRIES);
    }
}
