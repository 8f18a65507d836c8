package io.kamplatform.kit.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Republishes a range of stored events by position, on an operator's request: the repair for a store that lost
 * events to an earlier relay, or for a consumer that needs them again. Each call sends at most {@code limit} events
 * and says where to continue, so a whole store is republished in bounded steps. Consumers deduplicate on the
 * CloudEvents source and id, so sending an event twice changes nothing downstream.
 */
@IfBuildProperty(name = "kam.outbox.included", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxRepublisher {

    private static final Logger LOG = Logger.getLogger(OutboxRepublisher.class);

    private final Pool pool;
    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final OutboxStatus status;
    private final int batchSize;

    public OutboxRepublisher(Pool pool, OutboxStore store, OutboxPublisher publisher, OutboxStatus status,
                             @ConfigProperty(name = "kam.outbox.batch-size", defaultValue = "500") int batchSize) {
        this.pool = pool;
        this.store = store;
        this.publisher = publisher;
        this.status = status;
        this.batchSize = batchSize;
    }

    /** Republishes events with {@code from <= position <= to}, at most {@code limit}, in position order. */
    public Uni<Republication> republish(long from, long to, int limit) {
        return next(from, to, limit, 0, null)
                .invoke(done -> LOG.infof("outbox: republished %d events with positions %d..%d on request",
                        done.republished(), from, done.lastPosition() == null ? from : done.lastPosition()));
    }

    private Uni<Republication> next(long cursor, long to, int limit, int sent, Long last) {
        int want = Math.min(batchSize, limit - sent);
        if (want == 0 || cursor > to) {
            return Uni.createFrom().item(result(cursor, to, sent, last, want == 0 && cursor <= to));
        }
        return store.byPosition(pool, cursor, to, want).flatMap(batch -> {
            if (batch.isEmpty()) {
                return Uni.createFrom().item(result(cursor, to, sent, last, false));
            }
            long lastPosition = batch.get(batch.size() - 1).point().position();
            return publisher.publish(batch).flatMap(acknowledged -> {
                status.republished(batch.size(), "request");
                return next(lastPosition + 1, to, limit, sent + batch.size(), lastPosition);
            });
        });
    }

    private static Republication result(long cursor, long to, int sent, Long last, boolean more) {
        return new Republication(sent, last, more ? cursor : null);
    }

    /**
     * @param republished  events sent
     * @param lastPosition the position of the last event sent, or null when none was
     * @param nextPosition where to continue (the same range, from here), or null when the range is done
     */
    public record Republication(int republished, Long lastPosition, Long nextPosition) {
    }
}
