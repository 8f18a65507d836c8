package io.kamplatform.relationship.domain.relationship;

/** How badly a service request or complaint hurts the account; an open critical complaint past its SLA turns health red. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
