package io.kamplatform.bench.reliability;

import java.math.BigDecimal;

/** One batch item to post: its id, writer, account, JSON, and the revenue it adds (zero for other types). */
record PlannedItem(String eventId, Writer writer, String accountId, String type, String json, BigDecimal revenue) {

    /** Deduplication key of consumers: CloudEvents source and id. */
    String key() {
        return writer.source + " " + eventId;
    }
}
