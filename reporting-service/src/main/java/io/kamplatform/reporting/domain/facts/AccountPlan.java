package io.kamplatform.reporting.domain.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A key account plan as folded from account-service's plan events: the period, mission and targets it was published
 * with, its objectives and actions (in the order set) and its reviews (oldest first); eventIds are the events behind
 * it. A plan is current on the days of its period.
 */
public record AccountPlan(String planId, LocalDate periodStart, LocalDate periodEnd, String missionStatement,
                          Money revenueTarget, BigDecimal shareOfWalletTargetPct, String executiveSponsorId,
                          String executiveSponsorName, Instant publishedAt, Map<String, Objective> objectives,
                          Map<String, PlannedAction> actions, List<PlanReview> reviews, List<String> eventIds) {

    public boolean currentOn(LocalDate day) {
        return !day.isBefore(periodStart) && !day.isAfter(periodEnd);
    }

    /** The latest review, if any. */
    public PlanReview lastReview() {
        return reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
    }

    /**
     * A measurable objective: target and baseline of its metric, due date, owner, the latest progress reported and,
     * once closed, how (ACHIEVED, MISSED, DROPPED) with the reason.
     */
    public record Objective(String objectiveId, String metric, String unit, BigDecimal targetValue,
                            BigDecimal baselineValue, LocalDate dueOn, String ownerId, String ownerName, Instant setAt,
                            BigDecimal latestValue, Instant latestAt, Outcome outcome, Instant closedAt, String reason,
                            List<String> eventIds) {

        public enum Outcome { ACHIEVED, MISSED, DROPPED }

        public boolean open() {
            return outcome == null;
        }
    }

    /** An action planned for an objective, by a supplier function, due on a day; completedAt once done. */
    public record PlannedAction(String actionId, String objectiveId, String description, String ownerFunction,
                                String ownerId, LocalDate dueOn, Instant plannedAt, Instant completedAt,
                                List<String> eventIds) {
    }

    /** A plan review: who, when and the outcome they recorded (ON_TRACK, AT_RISK, OFF_TRACK). */
    public record PlanReview(Instant reviewedAt, String reviewerId, String reviewerName, String outcome, String notes,
                             String eventId) {
    }
}
