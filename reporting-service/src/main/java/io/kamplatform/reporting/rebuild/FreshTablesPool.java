package io.kamplatform.reporting.rebuild;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections to the same database whose search path puts the fresh tables first: the projection's own SQL
 * ({@code project_facts}, the summary store) then writes the fresh set, unchanged, while the live pool keeps serving
 * the live set.
 */
@ApplicationScoped
public class FreshTablesPool {

    static final int SIZE = 4;

    private final Vertx vertx;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;

    public FreshTablesPool(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                           @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                           @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** A new pool with a connection for each of the replay's {@code writers} at least (the caller closes it). */
    public Pool open(int writers) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        options.addProperty("search_path", ReadModelTables.FRESH + ", public");
        options.addProperty("application_name", "reporting-service-rebuild");
        return Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(Math.max(SIZE, writers)))
                .connectingTo(options).using(vertx.getDelegate()).build());
    }
}
