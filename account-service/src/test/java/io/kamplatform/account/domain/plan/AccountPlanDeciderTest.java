package io.kamplatform.account.domain.plan;

import static io.kamplatform.kit.testing.GivenWhenThen.thenAccepted;
import static io.kamplatform.kit.testing.GivenWhenThen.thenRejected;
import static io.kamplatform.kit.testing.GivenWhenThen.thenRejectedOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.account.domain.TeamFunction;
import io.kamplatform.kit.money.Money;
import io.kamplatform.kit.testing.GivenWhenThen;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given plan events, when a plan fact is posted about an account that stands so, then it is accepted or rejected. */
class AccountPlanDeciderTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final AccountPlanDecider DECIDER = new AccountPlanDecider("EUR");
    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    static final AccountPlanPublished PLAN = plan("P-2026", JAN_1, DEC_31);
    static final ObjectiveSet OBJECTIVE = objective("O-1", DEC_31);
    static final ActionPlanned ACTION = action("A-1", "O-1", LocalDate.of(2026, 3, 31));

    static final GivenWhenThen<AccountPlans, RecordPlanEvent, PlanEvent> RULES = GivenWhenThen.of(DECIDER,
            history -> AccountPlans.replay("ACME", history),
            (event, at) -> new RecordPlanEvent("ACME", event, at, AccountStanding.KEY_ACCOUNT), NOW);

    static GivenWhenThen<AccountPlans, RecordPlanEvent, PlanEvent>.Scenario given(PlanEvent... history) {
        return RULES.given(history);
    }

    static RecordPlanEvent standing(PlanEvent event, AccountStanding standing) {
        return new RecordPlanEvent("ACME", event, NOW.minusSeconds(3600), standing);
    }

    static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    static AccountPlanPublished plan(String planId, LocalDate start, LocalDate end) {
        return new AccountPlanPublished(planId, start, end, "Preferred supplier for drive units", eur("3000000"),
                new BigDecimal("35"), "exec-1", "Martina Keller");
    }

    static ObjectiveSet objective(String objectiveId, LocalDate dueOn) {
        return new ObjectiveSet("P-2026", objectiveId, "Share of wallet", "%", new BigDecimal("35"), new BigDecimal("20"),
                dueOn, "kam-1", "Giulia Rossi");
    }

    static ActionPlanned action(String actionId, String objectiveId, LocalDate dueOn) {
        return new ActionPlanned("P-2026", actionId, objectiveId, "Joint workshop", TeamFunction.TECHNICAL, null, dueOn);
    }

    static ObjectiveProgressReported progress(String objectiveId, String value) {
        return new ObjectiveProgressReported("P-2026", objectiveId, new BigDecimal(value), null);
    }

    @Nested
    class TheAccount {
        @Test
        void aFactFromTheFutureIsRefused() {
            thenRejected(given().when(PLAN, NOW.plusSeconds(301)), "OCCURRED_IN_FUTURE");
            thenAccepted(given().when(PLAN, NOW.plusSeconds(299)), PLAN);
        }

        @Test
        void anUnregisteredAccountHasNoPlans() {
            thenRejected(given().whenCommand(standing(PLAN, AccountStanding.NOT_REGISTERED)), "ACCOUNT_NOT_REGISTERED");
            thenRejected(given(PLAN).whenCommand(standing(new PlanReviewed("P-2026", "exec-1", null, ReviewOutcome.ON_TRACK, null),
                    AccountStanding.NOT_REGISTERED)), "ACCOUNT_NOT_REGISTERED");
        }

        @Test
        void noPlanObjectiveOrActionForANonKeyAccount() {
            thenRejected(given().whenCommand(standing(PLAN, AccountStanding.REGISTERED)), "NOT_A_KEY_ACCOUNT");
            thenRejected(given(PLAN).whenCommand(standing(OBJECTIVE, AccountStanding.REGISTERED)), "NOT_A_KEY_ACCOUNT");
            thenRejected(given(PLAN, OBJECTIVE).whenCommand(standing(ACTION, AccountStanding.REGISTERED)), "NOT_A_KEY_ACCOUNT");
        }

        @Test
        void aRevokedKeyAccountsPlanCanStillBeClosed() {
            PlanEvent[] history = {PLAN, OBJECTIVE, ACTION};
            for (PlanEvent closing : new PlanEvent[] {progress("O-1", "25"),
                    new ObjectiveMissed("P-2026", "O-1", null, "account lost key status"),
                    new ActionCompleted("P-2026", "A-1", null),
                    new PlanReviewed("P-2026", "exec-1", null, ReviewOutcome.OFF_TRACK, "designation revoked")}) {
                thenAccepted(given(history).whenCommand(standing(closing, AccountStanding.REGISTERED)), closing);
            }
        }
    }

    @Nested
    class Publishing {
        @Test
        void aKeyAccountGetsAPlan() {
            thenAccepted(given().when(PLAN), PLAN);
            AccountPlans state = given(PLAN).state();
            assertThat(state.plans()).containsOnlyKeys("P-2026");
            assertThat(state.version()).isEqualTo(1);
        }

        @Test
        void thePeriodEndsAfterItStarts() {
            thenRejectedOn(given().when(plan("P", DEC_31, JAN_1)), "PERIOD_ENDS_BEFORE_START", "periodEnd");
            thenRejectedOn(given().when(plan("P", JAN_1, JAN_1)), "PERIOD_ENDS_BEFORE_START", "periodEnd");
            thenAccepted(given().when(plan("P", JAN_1, JAN_1.plusDays(1))), plan("P", JAN_1, JAN_1.plusDays(1)));
        }

        @Test
        void oneActivePlanPerPeriod() {
            thenRejectedOn(given(PLAN).when(plan("P-H2", LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30))),
                    "PLAN_PERIOD_OVERLAPS", "periodStart");
            thenRejectedOn(given(PLAN).when(plan("P-2025", LocalDate.of(2025, 1, 1), JAN_1)), "PLAN_PERIOD_OVERLAPS", "periodStart");
            AccountPlanPublished next = plan("P-2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
            thenAccepted(given(PLAN).when(next), next);
        }

        @Test
        void republishingRevisesThePlanAndKeepsItsPeriod() {
            AccountPlanPublished revised = new AccountPlanPublished("P-2026", JAN_1, DEC_31, "Sole supplier", eur("3500000"),
                    new BigDecimal("40"), "exec-2", "Paul Brun");
            thenAccepted(given(PLAN).when(revised), revised);
            assertThat(given(PLAN, revised).state().plans().get("P-2026").terms().missionStatement()).isEqualTo("Sole supplier");
            thenRejectedOn(given(PLAN).when(plan("P-2026", JAN_1, LocalDate.of(2027, 3, 31))), "PLAN_PERIOD_CHANGED", "periodStart");
        }

        @Test
        void theRevenueTargetIsInThePlatformCurrencyAndNotNegative() {
            AccountPlanPublished usd = new AccountPlanPublished("P", JAN_1, DEC_31, "m", new Money(BigDecimal.TEN, "USD"),
                    BigDecimal.ONE, "exec-1", "n");
            thenRejectedOn(given().when(usd), "CURRENCY_NOT_SUPPORTED", "revenueTarget.currency");
            AccountPlanPublished negative = new AccountPlanPublished("P", JAN_1, DEC_31, "m", eur("-1"), BigDecimal.ONE, "exec-1", "n");
            thenRejectedOn(given().when(negative), "NEGATIVE_AMOUNT", "revenueTarget.amount");
        }
    }

    @Nested
    class Objectives {
        @Test
        void anObjectiveBelongsToAnExistingPlan() {
            thenRejectedOn(given().when(OBJECTIVE), "UNKNOWN_PLAN", "planId");
            thenAccepted(given(PLAN).when(OBJECTIVE), OBJECTIVE);
        }

        @Test
        void itsDueDateLiesInsideThePlansPeriod() {
            thenRejectedOn(given(PLAN).when(objective("O-2", LocalDate.of(2027, 1, 1))), "DUE_DATE_OUTSIDE_PERIOD", "dueOn");
            thenRejectedOn(given(PLAN).when(objective("O-2", LocalDate.of(2025, 12, 31))), "DUE_DATE_OUTSIDE_PERIOD", "dueOn");
            thenAccepted(given(PLAN).when(objective("O-2", JAN_1)), objective("O-2", JAN_1));
        }

        @Test
        void anObjectiveIsSetOnce() {
            thenRejectedOn(given(PLAN, OBJECTIVE).when(objective("O-1", LocalDate.of(2026, 9, 30))), "OBJECTIVE_ALREADY_SET", "objectiveId");
        }

        @Test
        void progressAndOutcomesNeedAnOpenObjectiveOfThatPlan() {
            thenRejectedOn(given(PLAN).when(progress("O-9", "1")), "UNKNOWN_OBJECTIVE", "objectiveId");
            AccountPlanPublished other = plan("P-2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
            ObjectiveProgressReported inOtherPlan = new ObjectiveProgressReported("P-2027", "O-1", BigDecimal.ONE, null);
            thenRejectedOn(given(PLAN, OBJECTIVE, other).when(inOtherPlan), "UNKNOWN_OBJECTIVE", "objectiveId");
            thenRejectedOn(given(PLAN, OBJECTIVE).when(new ObjectiveAchieved("P-9", "O-1", null, null)), "UNKNOWN_PLAN", "planId");
            thenAccepted(given(PLAN, OBJECTIVE).when(progress("O-1", "27.5")), progress("O-1", "27.5"));
        }

        @Test
        void aClosedObjectiveTakesNoMoreProgressOrOutcomes() {
            PlanEvent[] outcomes = {new ObjectiveAchieved("P-2026", "O-1", new BigDecimal("36"), null),
                    new ObjectiveMissed("P-2026", "O-1", new BigDecimal("30"), "competitor undercut us"),
                    new ObjectiveDropped("P-2026", "O-1", "customer changed strategy")};
            for (PlanEvent outcome : outcomes) {
                thenAccepted(given(PLAN, OBJECTIVE).when(outcome), outcome);
                for (PlanEvent later : new PlanEvent[] {progress("O-1", "37"), outcomes[0], outcomes[1], outcomes[2]}) {
                    thenRejectedOn(given(PLAN, OBJECTIVE, outcome).when(later), "OBJECTIVE_CLOSED", "objectiveId");
                }
            }
        }

        @Test
        void theFoldKeepsTheLatestValueAndTheOutcome() {
            AccountPlans state = given(PLAN, OBJECTIVE, progress("O-1", "25"), progress("O-1", "28"),
                    new ObjectiveMissed("P-2026", "O-1", null, "late")).state();
            assertThat(state.objectives().get("O-1").latestValue()).isEqualByComparingTo("28");
            assertThat(state.objectives().get("O-1").status()).isEqualTo(ObjectiveStatus.MISSED);
        }
    }

    @Nested
    class Actions {
        @Test
        void anActionServesAnOpenObjectiveOfThePlan() {
            thenRejectedOn(given().when(ACTION), "UNKNOWN_PLAN", "planId");
            thenRejectedOn(given(PLAN).when(ACTION), "UNKNOWN_OBJECTIVE", "objectiveId");
            thenRejectedOn(given(PLAN, OBJECTIVE, new ObjectiveDropped("P-2026", "O-1", "obsolete")).when(ACTION),
                    "OBJECTIVE_CLOSED", "objectiveId");
            thenAccepted(given(PLAN, OBJECTIVE).when(ACTION), ACTION);
        }

        @Test
        void itsDueDateLiesInsideThePlansPeriod() {
            thenRejectedOn(given(PLAN, OBJECTIVE).when(action("A-2", "O-1", LocalDate.of(2027, 2, 1))),
                    "DUE_DATE_OUTSIDE_PERIOD", "dueOn");
        }

        @Test
        void anActionIsPlannedOnceAndCompletedOnce() {
            thenRejectedOn(given(PLAN, OBJECTIVE, ACTION).when(ACTION), "ACTION_ALREADY_PLANNED", "actionId");
            ActionCompleted done = new ActionCompleted("P-2026", "A-1", "held on 18 March");
            thenAccepted(given(PLAN, OBJECTIVE, ACTION).when(done), done);
            thenRejectedOn(given(PLAN, OBJECTIVE, ACTION, done).when(done), "ACTION_ALREADY_COMPLETED", "actionId");
            assertThat(given(PLAN, OBJECTIVE, ACTION, done).state().actions().get("A-1").completed()).isTrue();
        }

        @Test
        void onlyAPlannedActionOfThatPlanIsCompleted() {
            thenRejectedOn(given(PLAN).when(new ActionCompleted("P-2026", "A-9", null)), "UNKNOWN_ACTION", "actionId");
            AccountPlanPublished other = plan("P-2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
            thenRejectedOn(given(PLAN, OBJECTIVE, ACTION, other).when(new ActionCompleted("P-2027", "A-1", null)),
                    "UNKNOWN_ACTION", "actionId");
        }
    }

    @Nested
    class Reviews {
        @Test
        void anExistingPlanIsReviewed() {
            PlanReviewed review = new PlanReviewed("P-2026", "exec-1", "Martina Keller", ReviewOutcome.AT_RISK, "QBR");
            thenRejectedOn(given().when(review), "UNKNOWN_PLAN", "planId");
            thenAccepted(given(PLAN).when(review), review);
            Plan reviewed = given(PLAN, review).state().plans().get("P-2026");
            assertThat(reviewed.reviews()).isEqualTo(1);
            assertThat(reviewed.lastReviewOutcome()).isEqualTo(ReviewOutcome.AT_RISK);
        }
    }
}
