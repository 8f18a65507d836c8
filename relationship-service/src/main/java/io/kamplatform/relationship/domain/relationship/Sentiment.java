package io.kamplatform.relationship.domain.relationship;

/** How the account came across in an interaction, as the supplier's participants judged it. */
public enum Sentiment {
    VERY_NEGATIVE, NEGATIVE, NEUTRAL, POSITIVE, VERY_POSITIVE
}
