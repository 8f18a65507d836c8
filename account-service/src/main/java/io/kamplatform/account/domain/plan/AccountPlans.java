package io.kamplatform.account.domain.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plans of one account: the left fold of its plan stream. Objective and action ids are unique within the
 * account (across its plans), so later facts find them by id and check they belong to the plan they name.
 * Immutable; {@link #evolve} returns the next state.
 */
public record AccountPlans(
        String accountId,
        Map<String, Plan> plans,
        Map<String, Objective> objectives,
        Map<String, PlannedAction> actions,
        long version) {

    public static AccountPlans initial(String accountId) {
        return new AccountPlans(accountId, Map.of(), Map.of(), Map.of(), 0);
    }

    public static AccountPlans replay(String accountId, Iterable<PlanEvent> history) {
        AccountPlans state = initial(accountId);
        for (PlanEvent event : history) {
            state = state.evolve(event);
        }
        return state;
    }

    public AccountPlans evolve(PlanEvent event) {
        return switch (event) {
            case AccountPlanPublished e -> withPlan(plans.containsKey(e.planId())
                    ? plans.get(e.planId()).republished(e) : new Plan(e, 0, null));
            case PlanReviewed e -> withPlan(plans.get(e.planId()).reviewed(e.outcome()));
            case ObjectiveSet e -> withObjective(e.objectiveId(), new Objective(e, null, ObjectiveStatus.OPEN));
            case ObjectiveProgressReported e -> withObjective(e.objectiveId(), objectives.get(e.objectiveId()).progressed(e.value()));
            case ObjectiveAchieved e -> withObjective(e.objectiveId(),
                    objectives.get(e.objectiveId()).closed(ObjectiveStatus.ACHIEVED, e.value()));
            case ObjectiveMissed e -> withObjective(e.objectiveId(),
                    objectives.get(e.objectiveId()).closed(ObjectiveStatus.MISSED, e.value()));
            case ObjectiveDropped e -> withObjective(e.objectiveId(),
                    objectives.get(e.objectiveId()).closed(ObjectiveStatus.DROPPED, null));
            case ActionPlanned e -> withAction(e.actionId(), new PlannedAction(e, false));
            case ActionCompleted e -> withAction(e.actionId(), new PlannedAction(actions.get(e.actionId()).definition(), true));
        };
    }

    private AccountPlans withPlan(Plan plan) {
        return new AccountPlans(accountId, put(plans, plan.planId(), plan), objectives, actions, version + 1);
    }

    private AccountPlans withObjective(String id, Objective objective) {
        return new AccountPlans(accountId, plans, put(objectives, id, objective), actions, version + 1);
    }

    private AccountPlans withAction(String id, PlannedAction action) {
        return new AccountPlans(accountId, plans, objectives, put(actions, id, action), version + 1);
    }

    private static <V> Map<String, V> put(Map<String, V> map, String id, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.put(id, value);
        return Collections.unmodifiableMap(copy);
    }
}
