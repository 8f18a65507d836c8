package io.kamplatform.reporting.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.domain.dependency.CustomerShare;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The insight rules without infrastructure: given the conclusions before, the conclusions now and the causes. */
class InsightRulesTest {

    static final Instant AT = Instant.parse("2026-03-10T08:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-03-10");
    static final AccountConclusions AMBER = new AccountConclusions("AMBER", "MID", List.of(), false, 0);

    static AccountAssessed account(String id, AccountConclusions c) {
        return new AccountAssessed(id, 7, c, "kam-1", 42, List.of("ENGAGEMENT"), List.of("one decider"), "plan-1", 55,
                List.of(), null);
    }

    @Test
    void aBandChangeIsOneHealthBandChangedNamingItsCauses() {
        AccountConclusions red = new AccountConclusions("RED", "MID", List.of(), false, 0);
        List<Insight> insights = InsightRules.account(account("A", red), AMBER,
                List.of(new Cause("e1", "InteractionRecorded"), new Cause("e2", "ComplaintRaised")), "kam-health-1", AT, DAY);

        assertThat(insights).hasSize(1);
        Insight band = insights.get(0);
        assertThat(band.type()).isEqualTo(InsightType.HealthBandChanged);
        assertThat(band.key()).isEqualTo("A");
        assertThat(band.causes()).containsExactly("e1", "e2");
        assertThat(band.evaluatedOn()).isNull();
        assertThat(band.band()).isEqualTo("RED");
        assertThat(band.managerId()).isEqualTo("kam-1");
        assertThat(band.payload()).containsEntry("from", "AMBER").containsEntry("to", "RED").containsEntry("score", 42)
                .containsEntry("model", "kam-health-1").containsEntry("drivers", List.of("ENGAGEMENT"))
                .containsEntry("insightId", band.insightId()).containsEntry("accountId", "A");
        assertThat(band.insightId()).isEqualTo(Insight.idOf(InsightType.HealthBandChanged, "A", List.of("AMBER", "RED"),
                List.of("e1", "e2"), DAY)).startsWith("ins-").hasSize(36);
    }

    @Test
    void theSameChangeFromTheSameCausesHasTheSameIdOnAnyDayAndAnotherCauseAnother() {
        AccountConclusions red = new AccountConclusions("RED", "MID", List.of(), false, 0);
        List<Cause> causes = List.of(new Cause("e2", "ComplaintRaised"));
        String first = InsightRules.account(account("A", red), AMBER, causes, "m", AT, DAY).get(0).insightId();
        String again = InsightRules.account(account("A", red), AMBER, causes, "m", AT.plusSeconds(9999), DAY.plusDays(1))
                .get(0).insightId();
        String other = InsightRules.account(account("A", red), AMBER, List.of(new Cause("e3", "ComplaintRaised")), "m", AT, DAY)
                .get(0).insightId();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aFirstBandOrStageIsNoChangeButAlertsAnAccountArrivesWithAre() {
        AccountConclusions now = new AccountConclusions("GREEN", "EARLY", List.of("SQUEEZE"), true, 1);
        List<Insight> insights = InsightRules.account(account("N", now), AccountConclusions.NOTHING,
                List.of(new Cause("r1", "RevenueRecognized")), "m", AT, DAY);
        assertThat(insights).extracting(Insight::type).containsExactly(InsightType.MarginPressureFlagRaised,
                InsightType.NeglectedPotentialDetected, InsightType.PlanObjectiveOverdue);
    }

    @Test
    void nothingChangedIsNoInsight() {
        assertThat(InsightRules.account(account("A", AMBER), AMBER, List.of(new Cause("e1", "InteractionRecorded")), "m",
                AT, DAY)).isEmpty();
    }

    @Test
    void stageAndFlagsChangeEachWayAndNeglectIsDetectedOnce() {
        AccountConclusions before = new AccountConclusions("AMBER", "MID", List.of("SQUEEZE"), true, 0);
        AccountConclusions after = new AccountConclusions("AMBER", "DISINTEGRATING", List.of("STATUS_ABUSE"), true, 0);
        List<Insight> insights = InsightRules.account(account("A", after), before, List.of(new Cause("e9", "ContactLeft")),
                "m", AT, DAY);
        assertThat(insights).extracting(Insight::type).containsExactly(InsightType.StageChanged,
                InsightType.MarginPressureFlagRaised, InsightType.MarginPressureFlagCleared);
        assertThat(insights.get(0).payload()).containsEntry("from", "MID").containsEntry("to", "DISINTEGRATING")
                .containsEntry("reasons", List.of("one decider"));
        assertThat(insights.get(1).payload()).containsEntry("flag", "STATUS_ABUSE").containsEntry("pressureScore", 55);
        assertThat(insights.get(2).payload()).containsEntry("flag", "SQUEEZE");
    }

    @Test
    void timeAloneNamesThePassDayAndTheIdDerivesFromIt() {
        AccountConclusions before = new AccountConclusions("AMBER", "MID", List.of(), false, 1);
        AccountConclusions after = new AccountConclusions("AMBER", "MID", List.of(), false, 2);
        Insight overdue = InsightRules.account(account("A", after), before, List.of(), "m", AT, DAY).get(0);
        assertThat(overdue.type()).isEqualTo(InsightType.PlanObjectiveOverdue);
        assertThat(overdue.causes()).isEmpty();
        assertThat(overdue.evaluatedOn()).isEqualTo(DAY);
        assertThat(overdue.payload()).containsEntry("planId", "plan-1").containsEntry("overdueObjectives", 2)
                .containsEntry("previouslyOverdue", 1).containsEntry("evaluatedOn", "2026-03-10");
        String laterSameDay = InsightRules.account(account("A", after), before, List.of(), "m", AT.plusSeconds(3600), DAY)
                .get(0).insightId();
        String nextDay = InsightRules.account(account("A", after), before, List.of(), "m", AT, DAY.plusDays(1)).get(0).insightId();
        assertThat(laterSameDay).isEqualTo(overdue.insightId());
        assertThat(nextDay).isNotEqualTo(overdue.insightId());
        // Fewer overdue objectives (one achieved) is no insight.
        assertThat(InsightRules.account(account("A", before), after, List.of(), "m", AT, DAY)).isEmpty();
    }

    @Test
    void majorCustomersCrossTheThresholdBothWaysOnEitherBasisAndConcentrationChanges() {
        PortfolioConclusions before = new PortfolioConclusions(List.of("A"), List.of("G"), "LOW", "MODERATE");
        PortfolioConclusions after = new PortfolioConclusions(List.of("A", "B"), List.of(), "MODERATE", "MODERATE");
        CustomerShare b = new CustomerShare(2, "B", List.of("B"), new BigDecimal("120.00"), new BigDecimal("12.00"),
                new BigDecimal("60.00"), true, null, null, null, List.of("r1"));
        PortfolioAssessed now = new PortfolioAssessed(after, Map.of("B", b), Map.of(), new BigDecimal("1600.00"),
                new BigDecimal("2000.00"), new BigDecimal("6.25"), new BigDecimal("5.00"));
        Map<String, List<Cause>> causes = Map.of(
                "B", List.of(new Cause("r1", "RevenueRecognized"), new Cause("i1", "InteractionRecorded")),
                "C", List.of(new Cause("r2", "RevenueRecognized")));
        Map<String, AccountAssessed> accounts = Map.of("B", account("B", AMBER));

        List<Insight> insights = InsightRules.portfolio(now, before, accounts, causes, AT, DAY);

        assertThat(insights).extracting(Insight::type).containsExactly(InsightType.MajorCustomerThresholdCrossed,
                InsightType.MajorCustomerThresholdCrossed, InsightType.ConcentrationLevelChanged);
        Insight up = insights.get(0);
        assertThat(up.key()).isEqualTo("B");
        assertThat(up.causes()).as("the customer's own revenue events").containsExactly("r1");
        assertThat(up.band()).isEqualTo("AMBER");
        assertThat(up.payload()).containsEntry("direction", "UP").containsEntry("by", "account")
                .containsEntry("sharePct", "12.00").containsEntry("thresholdPct", "10");
        Insight down = insights.get(1);
        assertThat(down.key()).isEqualTo("G");
        assertThat(down.causes()).as("G's members had none: every revenue event since").containsExactly("r1", "r2");
        assertThat(down.payload()).containsEntry("direction", "DOWN").containsEntry("by", "group")
                .containsEntry("sharePct", null);
        Insight level = insights.get(2);
        assertThat(level.key()).isEqualTo("portfolio");
        assertThat(level.accountId()).isNull();
        assertThat(level.payload()).containsEntry("by", "account").containsEntry("from", "LOW")
                .containsEntry("to", "MODERATE").containsEntry("hhi", "1600.00");
    }

    @Test
    void causesAreCappedToTheLatest() {
        List<Cause> many = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            many.add(new Cause("e" + i, "InteractionRecorded"));
        }
        AccountConclusions red = new AccountConclusions("RED", "MID", List.of(), false, 0);
        Insight band = InsightRules.account(account("A", red), AMBER, many, "m", AT, DAY).get(0);
        assertThat(band.causes()).hasSize(20).startsWith("e6").endsWith("e25");
    }
}
