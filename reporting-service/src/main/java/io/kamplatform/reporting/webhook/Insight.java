package io.kamplatform.reporting.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One insight event from {@code kam.insight.events}, as far as webhooks need it: its CloudEvents attributes, the
 * fields subscriptions filter on, the queue it is delivered in (the record key: the account id, or
 * {@value #PORTFOLIO}) and its data as published.
 */
public record Insight(String id, String source, String type, String subject, String time, String orderingKey,
                      String accountId, String managerId, String band, JsonNode data) {

    public static final String PORTFOLIO = "portfolio";

    /** The types the insight producer publishes (a subscription's eventTypes are checked against them). */
    public static final List<String> TYPES = List.of("HealthBandChanged", "StageChanged", "MajorCustomerThresholdCrossed",
            "ConcentrationLevelChanged", "MarginPressureFlagRaised", "MarginPressureFlagCleared",
            "NeglectedPotentialDetected", "PlanObjectiveOverdue");
}
