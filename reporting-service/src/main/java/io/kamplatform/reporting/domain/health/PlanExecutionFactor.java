package io.kamplatform.reporting.domain.health;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.plan.ObjectiveStatus;
import io.kamplatform.reporting.domain.plan.PlanAssessment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plan execution (kam-health-2): is the team doing what its current account plan says? Objectives not dropped score
 * ACHIEVED and ON_TRACK 100, AT_RISK 50, OVERDUE and MISSED 0; their mean (0 for a plan without objectives), minus 10
 * per overdue action and 20 when the plan is due a review (none for 90 days), within 0–100. No current plan = no data.
 */
final class PlanExecutionFactor {

    static final BigDecimal PER_OVERDUE_ACTION = BigDecimal.TEN;
    static final BigDecimal REVIEW_DUE = BigDecimal.valueOf(20);

    private PlanExecutionFactor() {
    }

    static Assessed assess(AccountFacts facts, Instant asOf, HealthModel model) {
        HealthFactor factor = HealthFactor.PLAN_EXECUTION;
        PlanAssessment plan = PlanAssessment.of(facts, asOf);
        if (plan == null) {
            return Assessed.noData(factor, model, "No account plan current at asOf.");
        }
        BigDecimal sum = BigDecimal.ZERO;
        int counted = 0;
        for (PlanAssessment.AssessedObjective o : plan.objectives()) {
            BigDecimal points = switch (o.status()) {
                case ACHIEVED, ON_TRACK -> Scores.HUNDRED;
                case AT_RISK -> BigDecimal.valueOf(50);
                case OVERDUE, MISSED -> BigDecimal.ZERO;
                case DROPPED -> null;
            };
            if (points != null) {
                sum = sum.add(points);
                counted++;
            }
        }
        BigDecimal objectives = counted == 0 ? BigDecimal.ZERO : sum.divide(BigDecimal.valueOf(counted), Scores.MC);
        BigDecimal score = Scores.oneDecimal(Scores.clamp(objectives
                .subtract(PER_OVERDUE_ACTION.multiply(BigDecimal.valueOf(plan.overdueActions().size())))
                .subtract(plan.reviewDue() ? REVIEW_DUE : BigDecimal.ZERO)));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("planId", plan.plan().planId());
        for (ObjectiveStatus s : ObjectiveStatus.values()) {
            inputs.put("objectives" + s.name(), plan.objectiveCounts().getOrDefault(s, 0));
        }
        inputs.put("objectivesScore", Scores.oneDecimal(objectives));
        inputs.put("overdueActions", plan.overdueActions().size());
        inputs.put("reviewDue", plan.reviewDue());
        String driver = null;
        int failed = plan.objectiveCounts().getOrDefault(ObjectiveStatus.MISSED, 0)
                + plan.objectiveCounts().getOrDefault(ObjectiveStatus.OVERDUE, 0);
        if (failed > 0) {
            driver = failed + " plan objective" + (failed == 1 ? "" : "s") + " missed or overdue";
        } else if (plan.reviewDue()) {
            driver = "Account plan not reviewed for over " + PlanAssessment.REVIEW_DUE_DAYS + " days";
        } else if (!plan.overdueActions().isEmpty()) {
            driver = plan.overdueActions().size() + " plan action(s) overdue";
        } else if (counted == 0) {
            driver = "Account plan has no objectives";
        }
        String explanation = "Plan execution " + Scores.plain(score) + " on plan " + plan.plan().planId()
                + (driver == null ? ": objectives on track." : ": " + driver + ".");
        return new Assessed(new FactorScore(factor.label(), score, model.weight(factor), inputs, plan.plan().eventIds(),
                false, explanation), driver);
    }
}
