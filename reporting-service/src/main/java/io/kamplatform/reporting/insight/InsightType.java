package io.kamplatform.reporting.insight;

/**
 * The insights reporting-service publishes on {@code kam.insight.events}: each name is the record's {@code ce_type}
 * and the file name of its JSON Schema ({@code /schemas/insight-events/v1/<name>.json}).
 */
public enum InsightType {
    HealthBandChanged, StageChanged, MajorCustomerThresholdCrossed, ConcentrationLevelChanged, MarginPressureFlagRaised,
    MarginPressureFlagCleared, NeglectedPotentialDetected, PlanObjectiveOverdue
}
