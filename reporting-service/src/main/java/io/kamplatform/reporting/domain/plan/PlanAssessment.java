package io.kamplatform.reporting.domain.plan;

import io.kamplatform.reporting.domain.Decimals;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.AccountPlan;
import io.kamplatform.reporting.domain.facts.Dates;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An account's current plan at asOf, assessed: every objective with its {@link ObjectiveStatus}, the actions overdue
 * (not completed, due before asOf's day), revenue in the plan period so far against the target (in full and pro rata
 * by months: the period's months complete at asOf over its months), and the age of the last review (a plan not
 * reviewed for {@value #REVIEW_DUE_DAYS} days — counted from its publication when never reviewed — is due a review).
 */
public record PlanAssessment(String accountId, Instant asOf, AccountPlan plan, List<AssessedObjective> objectives,
                             Map<ObjectiveStatus, Integer> objectiveCounts, List<AccountPlan.PlannedAction> overdueActions,
                             RevenueAgainstTarget revenue, Long daysSinceReview, boolean reviewDue) {

    public static final int REVIEW_DUE_DAYS = 90;

    /** An objective and where it stands. */
    public record AssessedObjective(AccountPlan.Objective objective, ObjectiveStatus status) {
    }

    /**
     * Revenue of the plan period's months complete at asOf against the target; null figures when the revenue is in
     * another currency than the target (noted).
     */
    public record RevenueAgainstTarget(String currency, BigDecimal target, YearMonth from, YearMonth to,
                                       int monthsElapsed, int monthsInPeriod, BigDecimal revenueToDate,
                                       BigDecimal pctOfTarget, BigDecimal proRataTarget, BigDecimal pctOfProRata,
                                       String note) {
    }

    /** The assessment of the plan current at asOf; null when the account has none. */
    public static PlanAssessment of(AccountFacts facts, Instant asOf) {
        AccountPlan plan = facts.currentPlan();
        if (plan == null) {
            return null;
        }
        LocalDate day = Dates.day(asOf);
        List<AssessedObjective> objectives = new ArrayList<>();
        Map<ObjectiveStatus, Integer> counts = new EnumMap<>(ObjectiveStatus.class);
        for (AccountPlan.Objective o : plan.objectives().values()) {
            ObjectiveStatus status = ObjectiveStatus.of(o, day);
            objectives.add(new AssessedObjective(o, status));
            counts.merge(status, 1, Integer::sum);
        }
        List<AccountPlan.PlannedAction> overdue = plan.actions().values().stream()
                .filter(a -> a.completedAt() == null && a.dueOn().isBefore(day)).toList();
        AccountPlan.PlanReview last = plan.lastReview();
        Instant reviewedOrPublished = last != null ? last.reviewedAt() : plan.publishedAt();
        long sinceReview = ChronoUnit.DAYS.between(Dates.day(reviewedOrPublished), day);
        return new PlanAssessment(facts.accountId(), asOf, plan, List.copyOf(objectives), Map.copyOf(counts),
                overdue, revenue(facts, plan, asOf), last == null ? null : sinceReview, sinceReview > REVIEW_DUE_DAYS);
    }

    private static RevenueAgainstTarget revenue(AccountFacts facts, AccountPlan plan, Instant asOf) {
        YearMonth from = YearMonth.from(plan.periodStart());
        YearMonth end = YearMonth.from(plan.periodEnd());
        YearMonth lastComplete = Dates.lastCompleteMonth(asOf);
        YearMonth to = lastComplete.isBefore(end) ? lastComplete : end;
        int inPeriod = (int) ChronoUnit.MONTHS.between(from, end) + 1;
        int elapsed = to.isBefore(from) ? 0 : (int) ChronoUnit.MONTHS.between(from, to) + 1;
        BigDecimal target = plan.revenueTarget().amount();
        String currency = plan.revenueTarget().currency();
        BigDecimal proRata = target.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(inPeriod),
                MathContext.DECIMAL64);
        String revenueCurrency = facts.revenueCurrency();
        if (revenueCurrency != null && !revenueCurrency.equals(currency)) {
            return new RevenueAgainstTarget(currency, target, from, to, elapsed, inPeriod, null, null,
                    Decimals.two(proRata), null, "Revenue is in " + revenueCurrency + ", the target in " + currency);
        }
        BigDecimal revenue = elapsed == 0 ? BigDecimal.ZERO : facts.revenueOf(from, to);
        return new RevenueAgainstTarget(currency, target, from, to, elapsed, inPeriod, Decimals.two(revenue),
                target.signum() > 0 ? Decimals.two(Decimals.pct(revenue, target)) : null, Decimals.two(proRata),
                proRata.signum() > 0 ? Decimals.two(Decimals.pct(revenue, proRata)) : null, null);
    }
}
