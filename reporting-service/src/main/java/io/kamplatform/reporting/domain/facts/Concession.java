package io.kamplatform.reporting.domain.facts;

import java.time.Instant;

/**
 * A concession granted on a contract (extra discount, rebate, free service, ...): value given away on top of the
 * contract price, which margin pressure sets against revenue. {@code kind} stays text so a new kind does not break.
 */
public record Concession(String concessionId, String contractId, String kind, Money value, Instant grantedAt,
        String eventId) {
}
