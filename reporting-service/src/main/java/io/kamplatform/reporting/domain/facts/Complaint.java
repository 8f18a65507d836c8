package io.kamplatform.reporting.domain.facts;

import java.time.Instant;
import java.util.List;

/** A complaint of the account; open until resolved. */
public record Complaint(String complaintId, Severity severity, String subject, Instant raisedAt, Instant resolvedAt,
        List<String> eventIds) {

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
