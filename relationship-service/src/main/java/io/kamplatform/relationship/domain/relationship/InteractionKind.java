package io.kamplatform.relationship.domain.relationship;

/** How the supplier met the account. */
public enum InteractionKind {
    VISIT, MEETING, CALL, EMAIL, PRESENTATION, BUSINESS_REVIEW, WORKSHOP, OTHER
}
