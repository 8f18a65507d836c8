package io.kamplatform.reporting.domain;

import static io.kamplatform.reporting.domain.Facts.AS_OF;
import static io.kamplatform.reporting.domain.Facts.fact;
import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.health.FactorScore;
import io.kamplatform.reporting.domain.health.HealthFactor;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.health.KamHealthCalculator;
import io.kamplatform.reporting.domain.plan.ObjectiveStatus;
import io.kamplatform.reporting.domain.plan.PlanAssessment;
import io.kamplatform.reporting.domain.plan.PlanCoverage;
import io.kamplatform.reporting.domain.plan.PlanStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Account plans folded from account-service's events and assessed at asOf 2026-03-15 (last complete month 2026-02).
 * Plan P1, 2026-01-01..2026-12-31, revenue target 1200 EUR, published 2026-01-05, reviewed 2026-01-20:
 * O1 share of wallet 20 → 40 due 2026-12-31, progress 24: p = 4/20 = 0.2, t = 69/360 = 0.1917, 0.2 ≥ 0.75 t → ON_TRACK;
 * O2 contacts 0 → 10 due 2026-06-30, no progress: p = 0 &lt; 0.75 × 69/176 → AT_RISK; O3 due 2026-02-28, open →
 * OVERDUE; O4 achieved; O5 missed; O6 dropped. A1 due 2026-02-15 open → overdue; A2 done; A3 due 2026-04-01.
 */
class AccountPlansTest {

    static final HealthModel PLAN_ONLY = new HealthModel("plan-only", Map.of(HealthFactor.PLAN_EXECUTION, 10),
            76, 50, 6, 90, 72, 0);

    static Instant on(String day) {
        return Instant.parse(day + "T09:00:00Z");
    }

    static RecordedFact objective(String id, String baseline, String target, String due) {
        return fact("ObjectiveSet", on("2026-01-05"), "{'planId':'P1','objectiveId':'" + id + "','metric':'m-" + id
                + "','targetValue':" + target + (baseline == null ? "" : ",'baselineValue':" + baseline)
                + ",'dueOn':'" + due + "','ownerId':'kam-1'}");
    }

    static List<RecordedFact> plan(String publishedOn, boolean reviewed) {
        List<RecordedFact> f = new ArrayList<>();
        f.add(fact("AccountRegistered", on("2025-01-01"), "{'name':'Acme'}"));
        f.add(fact("KeyAccountDesignated", on("2025-01-02"), "{'rationale':'r'}"));
        f.add(fact("AccountPlanPublished", on(publishedOn), "{'planId':'P1','periodStart':'2026-01-01',"
                + "'periodEnd':'2026-12-31','missionStatement':'Grow together','revenueTarget':{'amount':'1200',"
                + "'currency':'EUR'},'shareOfWalletTargetPct':40,'executiveSponsorId':'ceo','executiveSponsorName':'CEO'}"));
        f.add(objective("O1", "20", "40", "2026-12-31"));
        f.add(objective("O2", null, "10", "2026-06-30"));
        f.add(objective("O3", null, "5", "2026-02-28"));
        f.add(objective("O4", null, "1", "2026-06-30"));
        f.add(objective("O5", null, "1", "2026-06-30"));
        f.add(objective("O6", null, "1", "2026-06-30"));
        f.add(fact("ObjectiveProgressReported", on("2026-03-01"), "{'planId':'P1','objectiveId':'O1','value':24}"));
        f.add(fact("ObjectiveAchieved", on("2026-02-10"), "{'planId':'P1','objectiveId':'O4'}"));
        f.add(fact("ObjectiveMissed", on("2026-03-01"), "{'planId':'P1','objectiveId':'O5','reason':'lost tender'}"));
        f.add(fact("ObjectiveDropped", on("2026-03-02"), "{'planId':'P1','objectiveId':'O6','reason':'out of scope'}"));
        f.add(fact("ActionPlanned", on("2026-01-06"), "{'planId':'P1','actionId':'A1','objectiveId':'O1',"
                + "'description':'QBR','ownerFunction':'SALES','dueOn':'2026-02-15'}"));
        f.add(fact("ActionPlanned", on("2026-01-06"), "{'planId':'P1','actionId':'A2','objectiveId':'O1',"
                + "'description':'Audit','ownerFunction':'TECHNICAL','dueOn':'2026-02-01'}"));
        f.add(fact("ActionCompleted", on("2026-01-30"), "{'planId':'P1','actionId':'A2'}"));
        f.add(fact("ActionPlanned", on("2026-01-06"), "{'planId':'P1','actionId':'A3','objectiveId':'O2',"
                + "'description':'Visit plant','ownerFunction':'SERVICE','dueOn':'2026-04-01'}"));
        if (reviewed) {
            f.add(fact("PlanReviewed", on("2026-01-20"), "{'planId':'P1','reviewerId':'vp','outcome':'ON_TRACK'}"));
        }
        f.add(fact("RevenueRecognized", on("2026-01-31"), "{'month':'2026-01','revenue':{'amount':'100','currency':'EUR'},"
                + "'costOfSales':{'amount':'60','currency':'EUR'}}"));
        f.add(fact("RevenueRecognized", on("2026-02-28"), "{'month':'2026-02','revenue':{'amount':'100','currency':'EUR'},"
                + "'costOfSales':{'amount':'60','currency':'EUR'}}"));
        return f;
    }

    static AccountFacts facts(List<RecordedFact> f, Instant asOf) {
        return AccountFacts.fold(Facts.ACCOUNT, f, asOf);
    }

    @Nested
    class Assessment {

        @Test
        void everyObjectiveGetsItsStatus() {
            PlanAssessment a = PlanAssessment.of(facts(plan("2026-01-05", true), AS_OF), AS_OF);
            assertThat(a.objectives()).extracting(PlanAssessment.AssessedObjective::status).containsExactly(
                    ObjectiveStatus.ON_TRACK, ObjectiveStatus.AT_RISK, ObjectiveStatus.OVERDUE, ObjectiveStatus.ACHIEVED,
                    ObjectiveStatus.MISSED, ObjectiveStatus.DROPPED);
            assertThat(a.objectives().get(4).objective().reason()).isEqualTo("lost tender");
            assertThat(a.overdueActions()).extracting(p -> p.actionId()).containsExactly("A1");
            assertThat(a.daysSinceReview()).isEqualTo(54L); // 2026-01-20 → 2026-03-15
            assertThat(a.reviewDue()).isFalse();
            assertThat(a.plan().missionStatement()).isEqualTo("Grow together");
        }

        @Test
        void revenueAgainstTargetInFullAndProRata() {
            // Months complete at asOf in the period: 2026-01, 2026-02 → 200 of 1200 = 16.67%; pro rata 1200 × 2/12 = 200 → 100%.
            PlanAssessment.RevenueAgainstTarget r = PlanAssessment.of(facts(plan("2026-01-05", true), AS_OF), AS_OF).revenue();
            assertThat(r.monthsElapsed()).isEqualTo(2);
            assertThat(r.monthsInPeriod()).isEqualTo(12);
            assertThat(r.revenueToDate()).isEqualByComparingTo("200.00");
            assertThat(r.pctOfTarget()).isEqualByComparingTo("16.67");
            assertThat(r.proRataTarget()).isEqualByComparingTo("200.00");
            assertThat(r.pctOfProRata()).isEqualByComparingTo("100.00");
        }

        @Test
        void asOfEarlierSeesTheEarlierPlan() {
            // On 2026-02-05: O3 (due 02-28) still open and early; O4 not achieved yet; A1 not due; nothing missed.
            Instant early = Instant.parse("2026-02-05T12:00:00Z");
            PlanAssessment a = PlanAssessment.of(facts(plan("2026-01-05", true), early), early);
            assertThat(a.objectiveCounts()).doesNotContainKeys(ObjectiveStatus.MISSED, ObjectiveStatus.ACHIEVED,
                    ObjectiveStatus.OVERDUE);
            assertThat(a.overdueActions()).isEmpty();
            // Before the period, and after it, there is no current plan.
            assertThat(PlanAssessment.of(facts(plan("2025-12-01", false), on("2025-12-15")), on("2025-12-15"))).isNull();
        }

        @Test
        void publishingAgainReplacesTheStatementAndKeepsTheObjectives() {
            List<RecordedFact> f = new ArrayList<>(plan("2026-01-05", true));
            f.add(fact("AccountPlanPublished", on("2026-03-10"), "{'planId':'P1','periodStart':'2026-01-01',"
                    + "'periodEnd':'2026-12-31','missionStatement':'Grow faster','revenueTarget':{'amount':'2400',"
                    + "'currency':'EUR'},'shareOfWalletTargetPct':50,'executiveSponsorId':'ceo','executiveSponsorName':'CEO'}"));
            PlanAssessment a = PlanAssessment.of(facts(f, AS_OF), AS_OF);
            assertThat(a.plan().missionStatement()).isEqualTo("Grow faster");
            assertThat(a.revenue().pctOfTarget()).isEqualByComparingTo("8.33"); // 200 / 2400
            assertThat(a.objectives()).hasSize(6);
        }

        @Test
        void aPlanNeverReviewedForNinetyDaysIsDueOne() {
            // Published 2025-12-01, never reviewed: 104 days by 2026-03-15 > 90.
            PlanAssessment a = PlanAssessment.of(facts(plan("2025-12-01", false), AS_OF), AS_OF);
            assertThat(a.daysSinceReview()).isNull();
            assertThat(a.reviewDue()).isTrue();
        }
    }

    @Nested
    class PlanExecution {

        @Test
        void objectivesActionsAndReviewScoreTheFactor() {
            // Objectives not dropped: 100 (on track) + 50 (at risk) + 0 (overdue) + 100 (achieved) + 0 (missed) = 250 / 5
            // = 50; one overdue action −10 → 40.0. Unreviewed plan: −20 more → 20.0.
            FactorScore reviewed = KamHealthCalculator.assess(facts(plan("2026-01-05", true), AS_OF), AS_OF, PLAN_ONLY)
                    .factor(HealthFactor.PLAN_EXECUTION);
            assertThat(reviewed.score()).isEqualByComparingTo("40.0");
            assertThat(reviewed.explanation()).contains("2 plan objectives missed or overdue");
            FactorScore unreviewed = KamHealthCalculator.assess(facts(plan("2025-12-01", false), AS_OF), AS_OF, PLAN_ONLY)
                    .factor(HealthFactor.PLAN_EXECUTION);
            assertThat(unreviewed.score()).isEqualByComparingTo("20.0");
        }

        @Test
        void noCurrentPlanIsNoData() {
            List<RecordedFact> none = List.of(fact("AccountRegistered", on("2025-01-01"), "{'name':'Acme'}"));
            assertThat(KamHealthCalculator.assess(facts(none, AS_OF), AS_OF, PLAN_ONLY)
                    .factor(HealthFactor.PLAN_EXECUTION).hasData()).isFalse();
        }
    }

    @Test
    void coverageListsMissingPlansReviewsDueAndOverdueActionsPerManager() {
        PlanStatus fine = new PlanStatus("P1", null, Map.of(), 0, 10L, false);
        PlanStatus stale = new PlanStatus("P2", null, Map.of(), 2, 120L, true);
        PlanStatus late = new PlanStatus("P3", null, Map.of(), 1, 5L, false);
        PlanCoverage c = PlanCoverage.of(List.of(new PlanCoverage.Account("A", "A", "m1", "Mia", fine),
                new PlanCoverage.Account("B", "B", "m1", "Mia", stale), new PlanCoverage.Account("C", "C", "m2", "Max", late),
                new PlanCoverage.Account("D", "D", "m2", "Max", null)), AS_OF);
        assertThat(c.keyAccounts()).isEqualTo(4);
        assertThat(c.withCurrentPlan()).isEqualTo(3);
        assertThat(c.withoutPlan()).extracting(PlanCoverage.Account::accountId).containsExactly("D");
        assertThat(c.reviewDue()).extracting(PlanCoverage.Account::accountId).containsExactly("B");
        assertThat(c.overdueActionsByManager()).extracting(PlanCoverage.ManagerActions::managerId, PlanCoverage.ManagerActions::overdueActions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m1", 2), org.assertj.core.groups.Tuple.tuple("m2", 1));
    }
}
