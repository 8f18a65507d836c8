package io.kamplatform.reporting.domain;

import static io.kamplatform.reporting.domain.Facts.AS_OF;
import static io.kamplatform.reporting.domain.PortfolioFacts.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.health.Band;
import io.kamplatform.reporting.domain.health.FactorScore;
import io.kamplatform.reporting.domain.health.HealthFactor;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.health.KamHealth;
import io.kamplatform.reporting.domain.health.KamHealthCalculator;
import io.kamplatform.reporting.domain.health.ModelComparison;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Health models as configuration: a model assesses only the factors it weighs, margin health (kam-health-2's new
 * factor), the coverage floor for a band, and two models side by side. asOf 2026-03-15: the last four complete
 * quarters are 2025-Q1..2025-Q4; the 12-month window is 2025-03..2026-02.
 */
class HealthModelsTest {

    static final HealthModel MARGIN_ONLY = new HealthModel("margin-only", Map.of(HealthFactor.MARGIN_HEALTH, 10),
            76, 50, 6, 90, 72, 0);

    static Instant on(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }

    static FactorScore marginHealth(PortfolioFacts account) {
        return KamHealthCalculator.assess(account.at(AS_OF), AS_OF, MARGIN_ONLY).factor(HealthFactor.MARGIN_HEALTH);
    }

    @Nested
    class MarginHealth {

        @Test
        void marginFallingFivePointsAQuarterScoresZeroOnTrend() {
            // Quarterly margins 40, 35, 30, 25 → slope −5 pp/quarter → trend linear(−5; 0 at −5, 100 at 0) = 0.
            // Concessions: none on revenue 300 in the window → 0% → 100. Mean (0 + 100) / 2 = 50.0.
            FactorScore f = marginHealth(account("A").revenue("2025-02", "100", "60").revenue("2025-05", "100", "65")
                    .revenue("2025-08", "100", "70").revenue("2025-11", "100", "75"));
            assertThat(f.score()).isEqualByComparingTo("50.0");
            assertThat(f.inputs()).containsEntry("marginSlopePpPerQuarter", new BigDecimal("-5.0"))
                    .containsEntry("trendScore", new BigDecimal("0.0"))
                    .containsEntry("concessionsScore", new BigDecimal("100.0"));
            assertThat(f.explanation()).contains("Gross margin falling 5 pp a quarter");
        }

        @Test
        void slowDeclineAndConcessionsBothCount() {
            // Margins 40, 39, 38, 37 → slope −1 → trend 100 × (1 − 1/5) = 80.
            // Concession 8 on window revenue 300 (2025-05, -08, -11) → 2.6667% → 100 × (1 − 2.6667/10) = 73.333.
            // Mean (80 + 73.333) / 2 = 76.667 → 76.7.
            FactorScore f = marginHealth(account("C")
                    .contract(on("2025-01-02"), "K1", "2025-01-01", "2025-12-31", "800", "1000")
                    .concession(on("2025-06-10"), "K1", "CON-1", "8")
                    .revenue("2025-02", "100", "60").revenue("2025-05", "100", "61")
                    .revenue("2025-08", "100", "62").revenue("2025-11", "100", "63"));
            assertThat(f.inputs()).containsEntry("marginSlopePpPerQuarter", new BigDecimal("-1.0"))
                    .containsEntry("trendScore", new BigDecimal("80.0"))
                    .containsEntry("concessionsPctOfRevenue", new BigDecimal("2.7"))
                    .containsEntry("concessionsScore", new BigDecimal("73.3"));
            assertThat(f.score()).isEqualByComparingTo("76.7");
            assertThat(f.eventIds()).hasSize(1);
        }

        @Test
        void noRevenueIsNoData() {
            FactorScore f = marginHealth(account("N"));
            assertThat(f.hasData()).isFalse();
        }

        @Test
        void kamHealthOneDoesNotAssessIt() {
            KamHealth h = KamHealthCalculator.assess(account("A").revenue("2025-11", "100", "75").at(AS_OF), AS_OF,
                    HealthModel.defaults());
            assertThat(h.factors()).extracting(FactorScore::name).doesNotContain("Margin health").hasSize(5);
        }
    }

    @Nested
    class CoverageFloor {

        static final Map<HealthFactor, Integer> WEIGHTS = Map.of(HealthFactor.COMMERCIAL_MOMENTUM, 20,
                HealthFactor.ENGAGEMENT, 20, HealthFactor.DMU_COVERAGE, 60);

        @Test
        void aScoreOnTooLittleWeightGetsNoBand() {
            // Only commercial momentum has data: T3 = T3 before → r = 1 → 75; no potential → momentum only: 75.
            // Coverage 20 / 100 = 20% < 50% floor → score 75 but no band, and the driver says why.
            AccountFacts facts = account("T").revenue("2025-06", "100").revenue("2025-07", "100")
                    .revenue("2025-08", "100").revenue("2025-09", "100").revenue("2025-10", "100")
                    .revenue("2025-11", "100").revenue("2025-12", "100").revenue("2026-01", "100")
                    .revenue("2026-02", "100").at(AS_OF);
            KamHealth floored = KamHealthCalculator.assess(facts, AS_OF, new HealthModel("floored", WEIGHTS, 76, 50, 6,
                    90, 72, 50));
            KamHealth open = KamHealthCalculator.assess(facts, AS_OF, new HealthModel("open", WEIGHTS, 76, 50, 6,
                    90, 72, 0));
            assertThat(floored.score()).isEqualTo(75);
            assertThat(floored.dataCoveragePct()).isEqualByComparingTo("20.0");
            assertThat(floored.band()).isNull();
            assertThat(floored.topDrivers().get(0)).isEqualTo(
                    "Insufficient data: factors with data carry 20% of the weight, floored bands from 50%");
            assertThat(open.score()).isEqualTo(75);
            assertThat(open.band()).isEqualTo(Band.AMBER);
        }

        @Test
        void inconsistentModelsAreRefused() {
            assertThatThrownBy(() -> new HealthModel("x", Map.of(), 76, 50, 6, 90, 72, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new HealthModel("x", Map.of(HealthFactor.SERVICE, 0), 76, 50, 6, 90, 72, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new HealthModel("x", Map.of(HealthFactor.SERVICE, 5), 76, 50, 6, 90, 72, 101))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class SideBySide {

        static FactorScore factor(String name, String score, int weight) {
            return new FactorScore(name, score == null ? null : new BigDecimal(score), weight, Map.of(), List.of(),
                    false, "");
        }

        static KamHealth health(String model, Integer score, Band band, FactorScore... factors) {
            return new KamHealth("K", AS_OF, score, band, List.of(factors), new BigDecimal("100.0"), List.of(),
                    List.of(), List.of(), model);
        }

        @Test
        void theFactorWhosePointsMovedMostIsNamed() {
            // Base: DMU 80 × 25, engagement 60 × 25 over 50 → points 40 + 30 = 70 (AMBER).
            // Candidate adds margin health 20 × 50: weights 25 + 25 + 50 = 100 → DMU 20, engagement 15, margin 10
            // → 45 (RED). Shifts: DMU −20, engagement −15, margin +10 → DMU moved it most.
            KamHealth base = health("m1", 70, Band.AMBER, factor("DMU coverage", "80", 25),
                    factor("Engagement", "60", 25));
            KamHealth candidate = health("m2", 45, Band.RED, factor("DMU coverage", "80", 25),
                    factor("Engagement", "60", 25), factor("Margin health", "20", 50));
            ModelComparison c = ModelComparison.of(base, candidate);
            assertThat(c.change()).isEqualTo(ModelComparison.Change.WORSE);
            assertThat(c.scoreDelta()).isEqualTo(-25);
            assertThat(c.movedBy().factor()).isEqualTo("DMU coverage");
            assertThat(c.movedBy().basePoints()).isEqualByComparingTo("40.0");
            assertThat(c.movedBy().candidatePoints()).isEqualByComparingTo("20.0");
            assertThat(c.movedBy().shift()).isEqualByComparingTo("-20.0");
        }

        @Test
        void summaryCountsEveryDirection() {
            KamHealth green = health("m1", 80, Band.GREEN, factor("Service", "80", 20));
            KamHealth amber = health("m2", 60, Band.AMBER, factor("Service", "60", 20));
            KamHealth unbanded = health("m2", 60, null, factor("Service", "60", 20));
            KamHealth red = health("m1", 40, Band.RED, factor("Service", "40", 20));
            List<ModelComparison> all = List.of(ModelComparison.of(green, amber), ModelComparison.of(green, unbanded),
                    ModelComparison.of(red, amber), ModelComparison.of(amber, amber), ModelComparison.of(unbanded, green));
            ModelComparison.Summary s = ModelComparison.Summary.of(all);
            assertThat(s.accounts()).isEqualTo(5);
            assertThat(s.bandChanged()).isEqualTo(4);
            assertThat(s.worse()).isEqualTo(1);
            assertThat(s.lostBand()).isEqualTo(1);
            assertThat(s.better()).isEqualTo(1);
            assertThat(s.gainedBand()).isEqualTo(1);
            assertThat(s.transitions()).containsExactlyInAnyOrderEntriesOf(Map.of("GREEN->AMBER", 1, "GREEN->NONE", 1,
                    "RED->AMBER", 1, "NONE->GREEN", 1));
            // deltas −20, −20, +20, 0, +20 → mean 0.0
            assertThat(s.meanScoreDelta()).isEqualByComparingTo("0.0");
            assertThat(ModelComparison.ranked(all)).extracting(ModelComparison::change).containsExactly(
                    ModelComparison.Change.WORSE, ModelComparison.Change.LOST_BAND, ModelComparison.Change.BETTER,
                    ModelComparison.Change.GAINED_BAND, ModelComparison.Change.NONE);
        }
    }
}
