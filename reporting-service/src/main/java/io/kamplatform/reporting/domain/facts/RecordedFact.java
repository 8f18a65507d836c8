package io.kamplatform.reporting.domain.facts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One consumed event as the reports see it: its id and the source that issued it (ids are unique per source only),
 * logical CloudEvents type (e.g. "RevenueRecognized"), the account it belongs to (the Kafka key), when it happened and
 * its JSON data. Reports read the producers' JSON, never their classes, so the published schema is the only contract
 * between the services.
 */
public record RecordedFact(String eventId, String source, String type, String accountId, Instant occurredAt, JsonNode data) {
}
