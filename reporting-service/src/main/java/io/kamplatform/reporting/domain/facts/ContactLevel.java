package io.kamplatform.reporting.domain.facts;

/** How high in the buyer's organisation a contact sits. */
public enum ContactLevel {
    EXECUTIVE, MANAGEMENT, OPERATIONAL
}
