package io.kamplatform.reporting.domain.stage;

/** McDonald's stages of a key-account relationship, plus its breakdown. */
public enum RelationshipStage {
    EXPLORATORY, BASIC, COOPERATIVE, INTERDEPENDENT, INTEGRATED, DISINTEGRATING
}
