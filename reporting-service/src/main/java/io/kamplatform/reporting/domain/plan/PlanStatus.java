package io.kamplatform.reporting.domain.plan;

import java.time.LocalDate;
import java.util.Map;

/**
 * What portfolio plan coverage needs of a key account's current plan at asOf (kept in the account summaries): its id
 * and end, objectives by status, overdue actions, days since the last review (null: never reviewed) and whether a
 * review is due.
 */
public record PlanStatus(String planId, LocalDate periodEnd, Map<ObjectiveStatus, Integer> objectives,
                         int overdueActions, Long daysSinceReview, boolean reviewDue) {

    /** Null when there is no current plan. */
    public static PlanStatus of(PlanAssessment a) {
        return a == null ? null : new PlanStatus(a.plan().planId(), a.plan().periodEnd(), a.objectiveCounts(),
                a.overdueActions().size(), a.daysSinceReview(), a.reviewDue());
    }
}
