package io.kamplatform.kit.outbox;

import io.kamplatform.kit.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outbox's rows and checkpoint in memory, ordered as PostgreSQL orders them: transaction ids as numbers. It can
 * also answer like the relay's old query did — sorting transaction ids as text — to prove the relay refuses such a
 * batch.
 */
class InMemoryOutboxStore extends OutboxStore {

    static final Comparator<PublicationPoint> NUMERIC = Comparator
            .<PublicationPoint>comparingLong(p -> Long.parseLong(p.transactionId())).thenComparingLong(PublicationPoint::position);
    static final Comparator<PublicationPoint> AS_TEXT = Comparator
            .comparing(PublicationPoint::transactionId).thenComparingLong(PublicationPoint::position);

    final List<PendingEvent> rows = new ArrayList<>();
    PublicationPoint last = PublicationPoint.START;
    long publishedEvents;
    boolean sortsTransactionIdsAsText;

    void append(long transactionId, long position, String account, long version) {
        rows.add(new PendingEvent(new PublicationPoint(Long.toString(transactionId), position),
                new StoredEvent(position, "evt-" + position, account, account, version, "AccountRegistered", 1, "{}",
                        OffsetDateTime.parse("2026-01-01T00:00:00Z"), OffsetDateTime.parse("2026-01-01T00:00:00Z"), "h")));
    }

    private boolean after(PendingEvent row, PublicationPoint point) {
        return NUMERIC.compare(row.point(), point) > 0;
    }

    @Override
    public Uni<OutboxCheckpoint> checkpoint(SqlClient client) {
        return Uni.createFrom().item(new OutboxCheckpoint(last, publishedEvents, PublicationPoint.START, null));
    }

    @Override
    public Uni<List<PendingEvent>> publishable(SqlClient client, PublicationPoint from, int limit) {
        return Uni.createFrom().item(rows.stream().filter(r -> after(r, from))
                .sorted(Comparator.comparing(PendingEvent::point, sortsTransactionIdsAsText ? AS_TEXT : NUMERIC))
                .limit(limit).toList());
    }

    @Override
    public Uni<Long> countBetween(SqlClient client, PublicationPoint from, PublicationPoint upTo) {
        return Uni.createFrom().item(rows.stream().filter(r -> after(r, from) && !after(r, upTo)).count());
    }

    @Override
    public Uni<Void> advance(SqlClient client, PublicationPoint to, long published) {
        last = to;
        publishedEvents += published;
        return Uni.createFrom().voidItem();
    }
}
