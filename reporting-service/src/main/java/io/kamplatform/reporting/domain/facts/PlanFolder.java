package io.kamplatform.reporting.domain.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds account-service's plan events (AccountPlanPublished, ObjectiveSet, ObjectiveProgressReported,
 * ObjectiveAchieved/Missed/Dropped, ActionPlanned, ActionCompleted, PlanReviewed) into {@link AccountPlan}s. The writer
 * enforces the plan rules; an event about a plan, objective or action never seen is skipped like any unappliable fact.
 */
final class PlanFolder {

    private static final class Draft {
        JsonNode published;
        Instant publishedAt;
        final Map<String, AccountPlan.Objective> objectives = new LinkedHashMap<>();
        final Map<String, AccountPlan.PlannedAction> actions = new LinkedHashMap<>();
        final List<AccountPlan.PlanReview> reviews = new ArrayList<>();
        final List<String> eventIds = new ArrayList<>();

        Draft(JsonNode published, Instant publishedAt) {
            this.published = published;
            this.publishedAt = publishedAt;
        }
    }

    private final Map<String, Draft> plans = new LinkedHashMap<>();

    /** Applies a plan event; false for any other type. */
    boolean apply(RecordedFact fact) {
        JsonNode d = fact.data();
        String id = fact.eventId();
        Instant at = fact.occurredAt();
        switch (fact.type()) {
            case "AccountPlanPublished" -> {
                Json.date(d, "periodStart");
                Json.date(d, "periodEnd");
                Json.money(d, "revenueTarget");
                // Publishing a plan again (same id, same period) replaces its statement and targets; its objectives,
                // actions and reviews stay.
                Draft draft = plans.computeIfAbsent(Json.text(d, "planId"), planId -> new Draft(d, at));
                draft.published = d;
                draft.publishedAt = at;
                draft.eventIds.add(id);
            }
            case "ObjectiveSet" -> {
                Draft plan = plan(d);
                String objectiveId = Json.text(d, "objectiveId");
                plan.objectives.put(objectiveId, new AccountPlan.Objective(objectiveId, Json.text(d, "metric"),
                        Json.optText(d, "unit"), number(d, "targetValue"), optNumber(d, "baselineValue"),
                        Json.date(d, "dueOn"), Json.text(d, "ownerId"), Json.optText(d, "ownerName"), at, null, null,
                        null, null, null, List.of(id)));
                plan.eventIds.add(id);
            }
            case "ObjectiveProgressReported" -> objective(d, id, o -> new AccountPlan.Objective(o.objectiveId(),
                    o.metric(), o.unit(), o.targetValue(), o.baselineValue(), o.dueOn(), o.ownerId(), o.ownerName(),
                    o.setAt(), number(d, "value"), at, o.outcome(), o.closedAt(), o.reason(), Lists.append(o.eventIds(), id)));
            case "ObjectiveAchieved" -> close(d, id, at, AccountPlan.Objective.Outcome.ACHIEVED, Json.optText(d, "comment"));
            case "ObjectiveMissed" -> close(d, id, at, AccountPlan.Objective.Outcome.MISSED, Json.text(d, "reason"));
            case "ObjectiveDropped" -> close(d, id, at, AccountPlan.Objective.Outcome.DROPPED, Json.text(d, "reason"));
            case "ActionPlanned" -> {
                Draft plan = plan(d);
                String actionId = Json.text(d, "actionId");
                plan.actions.put(actionId, new AccountPlan.PlannedAction(actionId, Json.text(d, "objectiveId"),
                        Json.text(d, "description"), Json.text(d, "ownerFunction"), Json.optText(d, "ownerId"),
                        Json.date(d, "dueOn"), at, null, List.of(id)));
                plan.eventIds.add(id);
            }
            case "ActionCompleted" -> {
                Draft plan = plan(d);
                AccountPlan.PlannedAction a = known(plan.actions, Json.text(d, "actionId"));
                plan.actions.put(a.actionId(), new AccountPlan.PlannedAction(a.actionId(), a.objectiveId(),
                        a.description(), a.ownerFunction(), a.ownerId(), a.dueOn(), a.plannedAt(), at,
                        Lists.append(a.eventIds(), id)));
                plan.eventIds.add(id);
            }
            case "PlanReviewed" -> {
                Draft plan = plan(d);
                plan.reviews.add(new AccountPlan.PlanReview(at, Json.text(d, "reviewerId"), Json.optText(d, "reviewerName"),
                        Json.text(d, "outcome"), Json.optText(d, "notes"), id));
                plan.eventIds.add(id);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void close(JsonNode d, String id, Instant at, AccountPlan.Objective.Outcome outcome, String reason) {
        BigDecimal value = optNumber(d, "value");
        objective(d, id, o -> new AccountPlan.Objective(o.objectiveId(), o.metric(), o.unit(), o.targetValue(),
                o.baselineValue(), o.dueOn(), o.ownerId(), o.ownerName(), o.setAt(),
                value != null ? value : o.latestValue(), value != null ? at : o.latestAt(), outcome, at, reason,
                Lists.append(o.eventIds(), id)));
    }

    private void objective(JsonNode d, String id, java.util.function.UnaryOperator<AccountPlan.Objective> change) {
        Draft plan = plan(d);
        AccountPlan.Objective o = known(plan.objectives, Json.text(d, "objectiveId"));
        plan.objectives.put(o.objectiveId(), change.apply(o));
        plan.eventIds.add(id);
    }

    private Draft plan(JsonNode d) {
        return known(plans, Json.text(d, "planId"));
    }

    private static <V> V known(Map<String, V> items, String id) {
        V item = items.get(id);
        if (item == null) {
            throw new Json.MissingField("known id " + id);
        }
        return item;
    }

    private static BigDecimal number(JsonNode d, String field) {
        BigDecimal value = optNumber(d, field);
        if (value == null) {
            throw new Json.MissingField(field);
        }
        return value;
    }

    private static BigDecimal optNumber(JsonNode d, String field) {
        JsonNode node = d.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new Json.MissingField(field);
        }
        return node.decimalValue();
    }

    Map<String, AccountPlan> result() {
        Map<String, AccountPlan> result = new LinkedHashMap<>();
        plans.forEach((planId, p) -> result.put(planId, new AccountPlan(planId, Json.date(p.published, "periodStart"),
                Json.date(p.published, "periodEnd"), Json.optText(p.published, "missionStatement"),
                Json.money(p.published, "revenueTarget"), optNumber(p.published, "shareOfWalletTargetPct"),
                Json.optText(p.published, "executiveSponsorId"), Json.optText(p.published, "executiveSponsorName"),
                p.publishedAt, Collections.unmodifiableMap(new LinkedHashMap<>(p.objectives)),
                Collections.unmodifiableMap(new LinkedHashMap<>(p.actions)), List.copyOf(p.reviews),
                List.copyOf(p.eventIds))));
        return Collections.unmodifiableMap(result);
    }
}
