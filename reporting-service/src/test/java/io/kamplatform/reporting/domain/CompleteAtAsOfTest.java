package io.kamplatform.reporting.domain;

import static io.kamplatform.reporting.domain.PortfolioFacts.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.dependency.DependencyRiskCalculator;
import io.kamplatform.reporting.domain.dependency.DependencyRules;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.MonthWindow;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.health.HealthFactor;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.health.KamHealth;
import io.kamplatform.reporting.domain.health.KamHealthCalculator;
import io.kamplatform.reporting.domain.margin.MarginPressure;
import io.kamplatform.reporting.domain.margin.MarginPressureCalculator;
import io.kamplatform.reporting.domain.potential.NeglectedPotentialFinder;
import io.kamplatform.reporting.domain.stage.RelationshipStage;
import io.kamplatform.reporting.domain.stage.RelationshipStageClassifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A month (or quarter) belongs to a window when it is complete at asOf. asOf=2025-12-31 (a date) is the end of 31
 * December, the last microsecond of the day: December is complete, so year-end and quarter-end reports include it.
 */
class CompleteAtAsOfTest {

    static final Instant YEAR_END = Instant.parse("2025-12-31T23:59:59.999999Z");
    static final Instant LAST_DAY_NOON = Instant.parse("2025-12-31T12:00:00Z");
    static final Instant MIDNIGHT = Instant.parse("2026-01-01T00:00:00Z");
    /** December's invoices, recorded on its last afternoon. */
    static final Instant DECEMBER_CLOSE = Instant.parse("2025-12-31T18:00:00Z");

    @Test
    void theTrailingTwelveMonthsAtYearEndAreTheCalendarYear() {
        assertThat(MonthWindow.trailing(YEAR_END, 12).toString()).isEqualTo("2025-01..2025-12");
        assertThat(MonthWindow.trailing(MIDNIGHT, 12).to()).isEqualTo(YearMonth.of(2025, 12));
    }

    @Test
    void aMonthInProgressIsLeftOutAndNamed() {
        MonthWindow noon = MonthWindow.trailing(LAST_DAY_NOON, 12);
        assertThat(noon.toString()).isEqualTo("2024-12..2025-11");
        assertThat(noon.incompleteMonth()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(MonthWindow.trailing(YEAR_END, 12).incompleteMonth()).isNull();
    }

    @Test
    void yearEndDependencyRiskCountsDecember() {
        DependencyRisk r = DependencyRiskCalculator.assess(List.of(
                account("A").revenue("2025-12", "300", "0", DECEMBER_CLOSE).at(YEAR_END),
                account("B").revenue("2025-01", "100").revenue("2024-12", "999").at(YEAR_END)), YEAR_END, Map.of(),
                DependencyRules.defaults());
        assertThat(r.window().toString()).isEqualTo("2025-01..2025-12");
        assertThat(r.totalRevenue()).isEqualByComparingTo("400");
    }

    @Test
    void quarterEndMarginPressureUsesTheQuarterJustEnded() {
        MarginPressure p = MarginPressureCalculator.assess(List.of(account("A").revenue("2025-12", "100", "60", DECEMBER_CLOSE)
                .at(YEAR_END)), YEAR_END).get(0);
        assertThat(p.quarters()).extracting(q -> q.quarter())
                .containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
        assertThat(p.quarters().get(3).revenue()).isEqualByComparingTo("100");
        Instant endOfSeptember = Instant.parse("2025-09-30T23:59:59.999999Z");
        assertThat(MarginPressureCalculator.assess(List.of(account("A").at(endOfSeptember)), endOfSeptember).get(0)
                .quarters()).extracting(q -> q.quarter())
                .containsExactly("2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3");
    }

    @Test
    void momentumAtMonthEndComparesTheThreeMonthsEndingWithIt() {
        // T3 = Oct–Dec = 330, P3 = Jul–Sep = 300 → r = 1.1 → 100
        AccountFacts facts = account("A").revenue("2025-07", "300").revenue("2025-12", "330", "0", DECEMBER_CLOSE).at(YEAR_END);
        KamHealth health = KamHealthCalculator.assess(facts, YEAR_END, HealthModel.defaults());
        assertThat(health.factor(HealthFactor.COMMERCIAL_MOMENTUM).inputs().get("lastCompleteMonth"))
                .isEqualTo("2025-12");
        assertThat(health.factor(HealthFactor.COMMERCIAL_MOMENTUM).score()).isEqualByComparingTo("100");
    }

    @Test
    void aContractStartingAfterAsOfIsNotCurrentYet() {
        // Signed on 14 March, starts on 16 March; read as of 15 March (Facts.AS_OF) and as of the 16th.
        List<RecordedFact> facts = List.of(
                Facts.contract(Facts.daysAgo(1), "K1", "2026-03-16", "2028-03-15", true),
                Facts.contact(Facts.daysAgo(5), "c1", "EXECUTIVE", "DECIDER", "BUYER"),
                Facts.met(Facts.daysAgo(1), List.of("c1"), "SALES", "TECHNICAL"));
        AccountFacts before = AccountFacts.fold(Facts.ACCOUNT, facts, Facts.AS_OF);
        KamHealth health = KamHealthCalculator.assess(before, Facts.AS_OF, HealthModel.defaults());
        assertThat(before.currentContracts(LocalDate.parse("2026-03-15"))).isEmpty();
        assertThat(health.factor(HealthFactor.CONTRACT_SECURITY).hasData()).isFalse();
        assertThat(health.factor(HealthFactor.CONTRACT_SECURITY).explanation()).contains("K1 starts on 2026-03-16");
        assertThat(RelationshipStageClassifier.classify(before, health, null, Facts.AS_OF).stage())
                .isEqualTo(RelationshipStage.EXPLORATORY);

        Instant startDay = Instant.parse("2026-03-16T23:59:59.999999Z");
        AccountFacts started = AccountFacts.fold(Facts.ACCOUNT, facts, startDay);
        assertThat(started.currentContracts(LocalDate.parse("2026-03-16"))).extracting(c -> c.contractId())
                .containsExactly("K1");
        assertThat(KamHealthCalculator.assess(started, startDay, HealthModel.defaults())
                .factor(HealthFactor.CONTRACT_SECURITY).score()).isEqualByComparingTo("100");
    }

    @Test
    void neglectedPotentialStatesTheSameWindow() {
        assertThat(NeglectedPotentialFinder.find(List.of(), YEAR_END).window().toString())
                .isEqualTo("2025-01..2025-12");
    }
}
