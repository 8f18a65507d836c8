package io.kamplatform.account.domain.plan;

/** Facts about an account's plans, in the past tense; each names the plan it belongs to. */
public sealed interface PlanEvent permits
        AccountPlanPublished, ObjectiveSet, ObjectiveProgressReported, ObjectiveAchieved, ObjectiveMissed,
        ObjectiveDropped, ActionPlanned, ActionCompleted, PlanReviewed {

    String planId();
}
