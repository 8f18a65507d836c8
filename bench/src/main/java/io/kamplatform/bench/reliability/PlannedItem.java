package io.kamplatform.bench.reliability;

import java.math.BigDecimal;

/**
 * One batch item to post: its id, writer, account, JSON, and the revenue it adds to the report the verification reads
 * (zero for other types, and for revenue outside that report's window).
 */
public record PlannedItem(String eventId, Writer writer, String accountId, String type, String json, BigDecimal revenue) {

    /** Deduplication key of consumers: CloudEvents source and id. */
    public String key() {
        return writer.source + " " + eventId;
    }
}
