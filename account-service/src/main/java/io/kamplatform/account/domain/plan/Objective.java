package io.kamplatform.account.domain.plan;

import java.math.BigDecimal;

/** An objective as set, with the value last reported (null before any) and whether it is still open. */
public record Objective(ObjectiveSet definition, BigDecimal latestValue, ObjectiveStatus status) {

    public String planId() {
        return definition.planId();
    }

    Objective progressed(BigDecimal value) {
        return new Objective(definition, value, status);
    }

    Objective closed(ObjectiveStatus outcome, BigDecimal finalValue) {
        return new Objective(definition, finalValue != null ? finalValue : latestValue, outcome);
    }
}
