package io.kamplatform.account.support;

import io.kamplatform.kit.outbox.OutboxRelay;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Holds the outbox relay's leadership lock from the test, so the relay publishes nothing and a backlog of committed
 * events builds up exactly as it does when the relay is slow, starved of CPU or briefly down.
 */
public final class RelayPause implements AutoCloseable {

    private final SqlConnection connection;

    private RelayPause(SqlConnection connection) {
        this.connection = connection;
    }

    /** Waits for a running relay pass to end, then keeps the relay out until {@link #close()}. */
    public static RelayPause hold(Pool pool) {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        connection.preparedQuery("SELECT pg_advisory_lock($1)").execute(Tuple.of(OutboxRelay.RELAY_LOCK))
                .await().indefinitely();
        return new RelayPause(connection);
    }

    /** The connection holding the lock, for statements that must not run inside a transaction. */
    public SqlConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(OutboxRelay.RELAY_LOCK))
                    .await().indefinitely();
        } finally {
            connection.close().await().indefinitely();
        }
    }
}
