package io.kamplatform.reporting.domain.facts;

/** How badly a service request or complaint hurts the account. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
