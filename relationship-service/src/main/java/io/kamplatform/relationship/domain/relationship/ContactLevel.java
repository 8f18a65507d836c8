package io.kamplatform.relationship.domain.relationship;

/** How high in the buyer's organisation a contact sits; executive contacts mark deeper relationships. */
public enum ContactLevel {
    EXECUTIVE, MANAGEMENT, OPERATIONAL
}
