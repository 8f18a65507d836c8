package io.kamplatform.relationship.domain.relationship;

/** How much a competitor's activity threatens the supplier's position at the account. */
public enum ThreatLevel {
    LOW, MEDIUM, HIGH
}
