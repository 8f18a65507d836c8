package io.kamplatform.relationship.domain.relationship;

import java.time.Instant;

/**
 * The command a CRM integration sends: record this fact about the relationship with this account. Whether the
 * account is known to account-service is checked by the caller (unknown accounts get 422), so the decider assumes it.
 */
public record RecordRelationshipEvent(String accountId, RelationshipEvent event, Instant occurredAt) {
}
