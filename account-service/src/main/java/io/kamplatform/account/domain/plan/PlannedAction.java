package io.kamplatform.account.domain.plan;

/** An action as planned, and whether it was completed. */
public record PlannedAction(ActionPlanned definition, boolean completed) {

    public String planId() {
        return definition.planId();
    }
}
