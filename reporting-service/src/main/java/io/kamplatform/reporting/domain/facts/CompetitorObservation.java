package io.kamplatform.reporting.domain.facts;

import java.time.Instant;

/** A competitor seen at the account, and how much it threatens the supplier (LOW, MEDIUM, HIGH). */
public record CompetitorObservation(String competitor, String threat, Instant observedAt, String eventId) {
}
