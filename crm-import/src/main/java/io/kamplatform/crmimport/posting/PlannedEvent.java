package io.kamplatform.crmimport.posting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One event to post through a public batch endpoint: the batch item plus the service that takes it and, for
 * imports, where it came from ({@code deals.csv:14}) so a rejection can be traced back to its row.
 */
public record PlannedEvent(Service service, String accountId, String eventId, String type, Instant occurredAt,
                           ObjectNode data, String origin) {

    /** The writer service that records an event type. */
    public enum Service { ACCOUNT, RELATIONSHIP }

    public PlannedEvent {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
    }

    public PlannedEvent(Service service, String accountId, String eventId, String type, Instant occurredAt,
                        ObjectNode data) {
        this(service, accountId, eventId, type, occurredAt, data, null);
    }

    /** The batch item {@code {"accountId","eventId","type","occurredAt","data"}}. */
    public ObjectNode toBatchItem() {
        ObjectNode item = EventData.MAPPER.createObjectNode();
        item.put("accountId", accountId);
        item.put("eventId", eventId);
        item.put("type", type);
        item.put("occurredAt", occurredAt.toString());
        item.set("data", data);
        return item;
    }
}
