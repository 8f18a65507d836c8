package io.kamplatform.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Measures the backlog (committed events after the checkpoint, and the age of the first of them) every few seconds
 * for the {@code kam_outbox_unpublished_events} and {@code kam_outbox_oldest_unpublished_seconds} metrics: a relay
 * that is stuck, slow or cut off from Kafka shows here long before anyone misses a report.
 */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxMonitor {

    private static final Logger LOG = Logger.getLogger(OutboxMonitor.class);

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxStore store;
    private final OutboxStatus status;
    private final boolean enabled;
    private final long intervalMillis;
    private final AtomicBoolean measuring = new AtomicBoolean();
    private long timer = -1;

    public OutboxMonitor(Pool pool, Vertx vertx, OutboxStore store, OutboxStatus status,
                         @ConfigProperty(name = "kam.outbox.enabled", defaultValue = "true") boolean enabled,
                         @ConfigProperty(name = "kam.outbox.monitor-interval-ms", defaultValue = "5000") long intervalMillis) {
        this.pool = pool;
        this.vertx = vertx;
        this.store = store;
        this.status = status;
        this.enabled = enabled;
        this.intervalMillis = intervalMillis;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            timer = vertx.setPeriodic(intervalMillis, id -> {
                if (measuring.compareAndSet(false, true)) {
                    measure().subscribe().with(done -> measuring.set(false), failure -> {
                        measuring.set(false);
                        LOG.debugf("outbox backlog not measured: %s", failure.getMessage());
                    });
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Reads the checkpoint and the backlog behind it now. */
    public Uni<Void> measure() {
        return store.checkpoint(pool).flatMap(checkpoint -> store.backlog(pool, checkpoint.last())
                .invoke(backlog -> status.observed(checkpoint, backlog))).replaceWithVoid();
    }
}
