package io.kamplatform.reporting.domain.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A meeting of supplier and account. Only two-way interactions (a real exchange) count for DMU coverage, engagement
 * and stage. {@code supplierFunctions} are the functions of the supplier's participants (e.g. SALES, TECHNICAL).
 */
public record Interaction(String interactionId, String kind, Instant occurredAt, Set<String> contactIds,
        Set<String> supplierFunctions, boolean twoWay, String sentiment, LocalDate followUpDueOn,
        Instant followUpCompletedAt, List<String> eventIds) {
}
