package io.kamplatform.account.domain.plan;

/** What happened to an objective after it was set: its progress or its outcome. Only an open objective has them. */
public sealed interface ObjectiveEvent permits ObjectiveProgressReported, ObjectiveAchieved, ObjectiveMissed,
        ObjectiveDropped {

    String planId();

    String objectiveId();
}
