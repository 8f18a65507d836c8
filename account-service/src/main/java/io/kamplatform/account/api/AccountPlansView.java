package io.kamplatform.account.api;

import io.kamplatform.account.domain.TeamFunction;
import io.kamplatform.account.domain.plan.AccountPlanPublished;
import io.kamplatform.account.domain.plan.AccountPlans;
import io.kamplatform.account.domain.plan.ObjectiveSet;
import io.kamplatform.account.domain.plan.ObjectiveStatus;
import io.kamplatform.account.domain.plan.ReviewOutcome;
import io.kamplatform.kit.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The account's plans as the writer knows them, for CRM integrations that need ids and the plan stream's version
 * (the ETag); status over time (on track, overdue, review age) is reporting-service's business.
 */
public record AccountPlansView(String accountId, long version, List<PlanView> plans) {

    public record PlanView(String planId, LocalDate periodStart, LocalDate periodEnd, String missionStatement,
                           Money revenueTarget, BigDecimal shareOfWalletTargetPct, String executiveSponsorId,
                           String executiveSponsorName, int reviews, ReviewOutcome lastReviewOutcome,
                           List<ObjectiveView> objectives, List<ActionView> actions) {
    }

    public record ObjectiveView(String objectiveId, String metric, String unit, BigDecimal targetValue,
                                BigDecimal baselineValue, LocalDate dueOn, String ownerId, String ownerName,
                                BigDecimal latestValue, ObjectiveStatus status) {
    }

    public record ActionView(String actionId, String objectiveId, String description, TeamFunction ownerFunction,
                             String ownerId, LocalDate dueOn, boolean completed) {
    }

    static AccountPlansView of(AccountPlans state) {
        return new AccountPlansView(state.accountId(), state.version(), state.plans().values().stream().map(plan -> {
            AccountPlanPublished t = plan.terms();
            List<ObjectiveView> objectives = state.objectives().values().stream()
                    .filter(o -> o.planId().equals(plan.planId())).map(o -> {
                        ObjectiveSet d = o.definition();
                        return new ObjectiveView(d.objectiveId(), d.metric(), d.unit(), d.targetValue(), d.baselineValue(),
                                d.dueOn(), d.ownerId(), d.ownerName(), o.latestValue(), o.status());
                    }).toList();
            List<ActionView> actions = state.actions().values().stream()
                    .filter(a -> a.planId().equals(plan.planId()))
                    .map(a -> new ActionView(a.definition().actionId(), a.definition().objectiveId(),
                            a.definition().description(), a.definition().ownerFunction(), a.definition().ownerId(),
                            a.definition().dueOn(), a.completed())).toList();
            return new PlanView(t.planId(), t.periodStart(), t.periodEnd(), t.missionStatement(), t.revenueTarget(),
                    t.shareOfWalletTargetPct(), t.executiveSponsorId(), t.executiveSponsorName(), plan.reviews(),
                    plan.lastReviewOutcome(), objectives, actions);
        }).toList());
    }
}
