package io.kamplatform.account.domain.plan;

import static io.kamplatform.kit.decider.Rules.happened;
import static io.kamplatform.kit.decider.Rules.inCurrency;
import static io.kamplatform.kit.decider.Rules.none;
import static io.kamplatform.kit.decider.Rules.reject;
import static io.kamplatform.kit.decider.Rules.rejectField;

import io.kamplatform.kit.decider.Decider;
import io.kamplatform.kit.decider.Decision;
import io.kamplatform.kit.decider.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Decides whether a plan fact may be recorded, given the account's plans and where the account stands. Pure, like
 * the account decider. New commitments (publishing a plan, setting an objective, planning an action) need a key
 * account; progress, outcomes, completed actions and reviews of an existing plan are still recorded after a
 * revocation, so the plan's history can be closed honestly.
 */
public final class AccountPlanDecider implements Decider<AccountPlans, RecordPlanEvent, PlanEvent> {

    private final String platformCurrency;

    public AccountPlanDecider(String platformCurrency) {
        this.platformCurrency = platformCurrency;
    }

    @Override
    public Decision<PlanEvent> decide(AccountPlans state, RecordPlanEvent command, Instant now) {
        return Decision.acceptUnless(happened(command.occurredAt(), now).or(() -> firstRejection(state, command)),
                command.event());
    }

    private Optional<Rejection> firstRejection(AccountPlans state, RecordPlanEvent command) {
        if (command.standing() == AccountStanding.NOT_REGISTERED) {
            return reject("ACCOUNT_NOT_REGISTERED", "account '" + command.accountId() + "' is not registered; register it first");
        }
        PlanEvent event = command.event();
        if (commits(event) && command.standing() != AccountStanding.KEY_ACCOUNT) {
            return reject("NOT_A_KEY_ACCOUNT", "account plans are for key accounts only; designate '"
                    + command.accountId() + "' a key account first");
        }
        if (event instanceof AccountPlanPublished published) {
            return publication(state, published);
        }
        Plan plan = state.plans().get(event.planId());
        if (plan == null) {
            return rejectField("planId", "UNKNOWN_PLAN", "account '" + command.accountId() + "' has no plan '"
                    + event.planId() + "'; publish the plan first");
        }
        return switch (event) {
            case AccountPlanPublished e -> publication(state, e); // not reached: decided above, before the plan must exist
            case PlanReviewed e -> none();
            case ObjectiveSet e -> state.objectives().containsKey(e.objectiveId())
                    ? rejectField("objectiveId", "OBJECTIVE_ALREADY_SET", "objective '" + e.objectiveId()
                            + "' is already set; drop it and set a new one to change it")
                    : dueInPeriod(plan, e.dueOn());
            case ObjectiveEvent e -> openObjective(state, e.planId(), e.objectiveId());
            case ActionPlanned e -> state.actions().containsKey(e.actionId())
                    ? rejectField("actionId", "ACTION_ALREADY_PLANNED", "action '" + e.actionId() + "' is already planned")
                    : openObjective(state, e.planId(), e.objectiveId()).or(() -> dueInPeriod(plan, e.dueOn()));
            case ActionCompleted e -> actionCompletion(state, e);
        };
    }

    /** Facts that commit the team to something new. */
    private static boolean commits(PlanEvent event) {
        return event instanceof AccountPlanPublished || event instanceof ObjectiveSet || event instanceof ActionPlanned;
    }

    private Optional<Rejection> publication(AccountPlans state, AccountPlanPublished e) {
        if (!e.periodEnd().isAfter(e.periodStart())) {
            return rejectField("periodEnd", "PERIOD_ENDS_BEFORE_START", "the period must end after it starts ("
                    + e.periodStart() + ")");
        }
        Optional<Rejection> target = inCurrency("revenueTarget", e.revenueTarget(), platformCurrency)
                .or(() -> e.revenueTarget().isNegative() ? rejectField("revenueTarget.amount", "NEGATIVE_AMOUNT",
                        "must not be negative") : none());
        if (target.isPresent()) {
            return target;
        }
        Plan existing = state.plans().get(e.planId());
        if (existing != null) {
            AccountPlanPublished before = existing.terms();
            return before.periodStart().equals(e.periodStart()) && before.periodEnd().equals(e.periodEnd()) ? none()
                    : rejectField("periodStart", "PLAN_PERIOD_CHANGED", "plan '" + e.planId() + "' covers "
                            + before.periodStart() + " to " + before.periodEnd()
                            + "; a republished plan keeps its period (publish a plan for the new period instead)");
        }
        return state.plans().values().stream().filter(p -> p.terms().overlaps(e.periodStart(), e.periodEnd()))
                .findFirst().flatMap(other -> rejectField("periodStart", "PLAN_PERIOD_OVERLAPS", "plan '"
                        + other.planId() + "' already covers " + other.terms().periodStart() + " to "
                        + other.terms().periodEnd() + "; an account has one plan per period"));
    }

    private static Optional<Rejection> dueInPeriod(Plan plan, LocalDate dueOn) {
        return plan.covers(dueOn) ? none() : rejectField("dueOn", "DUE_DATE_OUTSIDE_PERIOD", "must lie in the period of plan '"
                + plan.planId() + "', " + plan.terms().periodStart() + " to " + plan.terms().periodEnd());
    }

    private static Optional<Rejection> openObjective(AccountPlans state, String planId, String objectiveId) {
        Objective objective = state.objectives().get(objectiveId);
        if (objective == null || !objective.planId().equals(planId)) {
            return rejectField("objectiveId", "UNKNOWN_OBJECTIVE", "plan '" + planId + "' has no objective '"
                    + objectiveId + "'");
        }
        return objective.status().closed() ? rejectField("objectiveId", "OBJECTIVE_CLOSED", "objective '" + objectiveId
                + "' is " + objective.status().name().toLowerCase() + "; a closed objective takes no more progress, outcomes or actions")
                : none();
    }

    private static Optional<Rejection> actionCompletion(AccountPlans state, ActionCompleted e) {
        PlannedAction action = state.actions().get(e.actionId());
        if (action == null || !action.planId().equals(e.planId())) {
            return rejectField("actionId", "UNKNOWN_ACTION", "plan '" + e.planId() + "' has no action '" + e.actionId() + "'");
        }
        return action.completed()
                ? rejectField("actionId", "ACTION_ALREADY_COMPLETED", "action '" + e.actionId() + "' is already completed")
                : none();
    }
}
