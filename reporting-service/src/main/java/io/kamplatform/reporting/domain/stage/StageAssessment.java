package io.kamplatform.reporting.domain.stage;

import java.util.List;

/** The stage and, in plain words, why (and what the next stage still needs). */
public record StageAssessment(RelationshipStage stage, List<String> reasons) {
}
