package io.kamplatform.reporting.support;

import io.kamplatform.local.Database;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * Reactive pools on a test database for tests that run outside Quarkus, on one Vert.x instance they share (it lives
 * as long as the test JVM; each test closes its pools).
 */
public final class ReactivePool {

    private static final Vertx VERTX = Vertx.vertx();

    private ReactivePool() {
    }

    /** A pool of {@code size} connections to {@code db}. */
    public static Pool of(Database db, int size) {
        PgConnectOptions options = PgConnectOptions.fromUri(db.reactiveUrl()).setUser(db.username())
                .setPassword(db.password());
        return Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(options)
                .using(VERTX).build());
    }
}
