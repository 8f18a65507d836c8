package io.kamplatform.relationship.domain.relationship;

/** Where a service request or complaint stands: it is resolved once. */
public enum CaseStatus {
    OPEN, RESOLVED
}
