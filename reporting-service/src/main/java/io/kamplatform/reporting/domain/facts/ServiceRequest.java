package io.kamplatform.reporting.domain.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A service request; its SLA says within how many hours of opening it is to be resolved. */
public record ServiceRequest(String requestId, Severity severity, int slaHours, Instant openedAt, Instant resolvedAt,
        List<String> eventIds) {

    public Instant dueAt() {
        return openedAt.plus(Duration.ofHours(slaHours));
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** Resolved no later than its due time. */
    public boolean metSla() {
        return resolvedAt != null && !resolvedAt.isAfter(dueAt());
    }

    /** Still open at {@code asOf} and past its due time. */
    public boolean isOverdue(Instant asOf) {
        return isOpen() && asOf.isAfter(dueAt());
    }
}
