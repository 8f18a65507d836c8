package io.kamplatform.reporting.domain;

import io.kamplatform.reporting.domain.dependency.ConcentrationLevel;
import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.dependency.DependencyRiskCalculator;
import io.kamplatform.reporting.domain.dependency.DependencyStressTest;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.kamplatform.reporting.domain.Facts.AS_OF;
import static io.kamplatform.reporting.domain.PortfolioFacts.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** asOf 2026-03-15: the trailing 12 months are 2025-03..2026-02. */
class DependencyRiskCalculatorTest {

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static List<AccountFacts> at(Instant asOf, PortfolioFacts... accounts) {
        return java.util.Arrays.stream(accounts).map(a -> a.at(asOf)).toList();
    }

    /** Shares 40/30/20/10. */
    static List<AccountFacts> fourCustomers() {
        return at(AS_OF, account("A").revenue("2025-06", "250").revenue("2026-02", "150"),
                account("B").revenue("2025-12", "300"), account("C").revenue("2026-01", "200"),
                account("D").revenue("2025-03", "100").revenue("2025-02", "999").revenue("2026-03", "999"));
    }

    @Nested
    class KnownDistribution {

        @Test
        void sharesFortyThirtyTwentyTen() {
            // HHI = 40² + 30² + 20² + 10² = 1600 + 900 + 400 + 100 = 3000; N_eff = 10000/3000 = 3.33;
            // cumulative 40, 70, 90 → N80 = 3; top 20% = ceil(0.8) = 1 customer = 40%.
            // D's 2025-02 and 2026-03 revenue fall outside the window 2025-03..2026-02.
            DependencyRisk r = DependencyRiskCalculator.assess(fourCustomers(), AS_OF,
                    Map.of("A", 80, "B", 60, "D", 100));
            assertThat(r.window().toString()).isEqualTo("2025-03..2026-02");
            assertThat(r.totalRevenue()).isEqualByComparingTo("1000");
            assertThat(r.customerCount()).isEqualTo(4);
            assertThat(r.customers()).extracting(c -> c.customerId()).containsExactly("A", "B", "C", "D");
            assertThat(r.customers()).extracting(c -> c.sharePct())
                    .containsExactly(d("40.00"), d("30.00"), d("20.00"), d("10.00"));
            assertThat(r.hhi()).isEqualTo(d("3000.00"));
            assertThat(r.effectiveCustomers()).isEqualTo(d("3.33"));
            assertThat(r.n80()).isEqualTo(3);
            assertThat(r.top1SharePct()).isEqualTo(d("40.00"));
            assertThat(r.top5SharePct()).isEqualTo(d("100.00"));
            assertThat(r.top10SharePct()).isEqualTo(d("100.00"));
            assertThat(r.top20PctCustomers()).isEqualTo(1);
            assertThat(r.top20PctSharePct()).isEqualTo(d("40.00"));
            // exactly 10% is a major customer
            assertThat(r.majorCustomerIds()).containsExactly("A", "B", "C", "D");
            assertThat(r.concentration()).isEqualTo(ConcentrationLevel.HIGH);
            // 40 < 60 and N80 3 > 20% of 4
            assertThat(r.kamJustified()).isFalse();
            assertThat(r.reasons()).anyMatch(s -> s.contains("not justified"));
            assertThat(r.pareto()).extracting(p -> p.cumulativeSharePct())
                    .containsExactly(d("40.00"), d("70.00"), d("90.00"), d("100.00"));
        }

        @Test
        void revenueAtRiskIsWeightedByHealthWithMissingScoresAtFifty() {
            // 400 × (1 − 0.8) + 300 × (1 − 0.6) + 200 × (1 − 0.5, missing) + 100 × 0 = 80 + 120 + 100 + 0 = 300
            DependencyRisk r = DependencyRiskCalculator.assess(fourCustomers(), AS_OF,
                    Map.of("A", 80, "B", 60, "D", 100));
            assertThat(r.revenueAtRisk()).isEqualTo(d("300.00"));
            assertThat(r.revenueAtRiskPct()).isEqualTo(d("30.00"));
            assertThat(r.customers().get(2).health()).isEqualTo(d("50.00"));
            assertThat(r.notes()).contains("No health score for account C: 50 assumed");
        }

        @Test
        void longTailMakesKamJustified() {
            // A 550 + nine customers of 50 = 1000. Shares 55, 5×9. HHI = 3025 + 9 × 25 = 3250; N_eff = 3.08;
            // top 20% = 2 customers = 60% → justified; cumulative 55,60,65,70,75,80 → N80 = 6; top5 = 55 + 20 = 75.
            List<PortfolioFacts> accounts = new java.util.ArrayList<>();
            accounts.add(account("A").revenue("2026-01", "550"));
            for (char c = 'B'; c <= 'J'; c++) {
                accounts.add(account(String.valueOf(c)).revenue("2026-01", "50"));
            }
            DependencyRisk r = DependencyRiskCalculator.assess(at(AS_OF, accounts.toArray(PortfolioFacts[]::new)),
                    AS_OF, Map.of());
            assertThat(r.hhi()).isEqualTo(d("3250.00"));
            assertThat(r.effectiveCustomers()).isEqualTo(d("3.08"));
            assertThat(r.top20PctCustomers()).isEqualTo(2);
            assertThat(r.top20PctSharePct()).isEqualTo(d("60.00"));
            assertThat(r.top5SharePct()).isEqualTo(d("75.00"));
            assertThat(r.n80()).isEqualTo(6);
            assertThat(r.majorCustomerIds()).containsExactly("A");
            assertThat(r.kamJustified()).isTrue();
            // every account lacks a score: all at 50 → half the revenue at risk
            assertThat(r.revenueAtRisk()).isEqualTo(d("500.00"));
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void tiesAreRankedByCustomerIdAndHhiOf2500IsModerate() {
            // 4 × 25%: HHI = 4 × 625 = 2500 (upper bound of MODERATE); N_eff 4; cumulative 25,50,75,100 → N80 = 4
            DependencyRisk r = DependencyRiskCalculator.assess(at(AS_OF, account("D").revenue("2026-01", "10"),
                    account("B").revenue("2026-01", "10"), account("C").revenue("2026-01", "10"),
                    account("A").revenue("2026-01", "10")), AS_OF, Map.of());
            assertThat(r.customers()).extracting(c -> c.customerId()).containsExactly("A", "B", "C", "D");
            assertThat(r.hhi()).isEqualTo(d("2500.00"));
            assertThat(r.concentration()).isEqualTo(ConcentrationLevel.MODERATE);
            assertThat(r.effectiveCustomers()).isEqualTo(d("4.00"));
            assertThat(r.n80()).isEqualTo(4);
            assertThat(r.top1SharePct()).isEqualTo(d("25.00"));
        }

        @Test
        void singleCustomer() {
            DependencyRisk r = DependencyRiskCalculator.assess(at(AS_OF, account("A").revenue("2026-01", "123.45")),
                    AS_OF, Map.of("A", 70));
            assertThat(r.hhi()).isEqualTo(d("10000.00"));
            assertThat(r.effectiveCustomers()).isEqualTo(d("1.00"));
            assertThat(r.n80()).isEqualTo(1);
            assertThat(r.top20PctSharePct()).isEqualTo(d("100.00"));
            assertThat(r.concentration()).isEqualTo(ConcentrationLevel.SEVERE);
            assertThat(r.kamJustified()).isTrue();
            // 123.45 × 0.3 = 37.035 → 37.04
            assertThat(r.revenueAtRisk()).isEqualTo(d("37.04"));
        }

        @Test
        void noRevenueAndAsOfBeforeAnyData() {
            Instant early = Instant.parse("2024-01-01T00:00:00Z");
            DependencyRisk r = DependencyRiskCalculator.assess(at(early, account("A").revenue("2026-01", "10")),
                    early, Map.of());
            assertThat(r.concentration()).isEqualTo(ConcentrationLevel.NO_REVENUE);
            assertThat(r.totalRevenue()).isEqualByComparingTo("0");
            assertThat(r.hhi()).isNull();
            assertThat(r.n80()).isNull();
            assertThat(r.pareto()).isEmpty();
            assertThat(r.kamJustified()).isFalse();
            assertThat(r.excludedCustomers()).extracting(e -> e.customerId()).containsExactly("A");

            DependencyRisk empty = DependencyRiskCalculator.assess(List.of(), AS_OF, null);
            assertThat(empty.customerCount()).isZero();
            assertThat(empty.revenueAtRisk()).isEqualByComparingTo("0");
        }

        @Test
        void zeroAndNegativeCustomersAreExcludedFromShares() {
            // Z: 100 − 150 = −50 in the window; Y: no revenue at all. A alone makes 100%.
            DependencyRisk r = DependencyRiskCalculator.assess(at(AS_OF, account("A").revenue("2026-01", "80"),
                    account("Z").revenue("2026-01", "100").revenue("2026-02", "-150"), account("Y")), AS_OF,
                    Map.of());
            assertThat(r.customerCount()).isEqualTo(1);
            assertThat(r.totalRevenue()).isEqualByComparingTo("80");
            assertThat(r.excludedCustomers()).extracting(e -> e.customerId()).containsExactly("Y", "Z");
            assertThat(r.excludedCustomers().get(1).revenue()).isEqualByComparingTo("-50");
            assertThat(r.notes()).anyMatch(n -> n.contains("2 customer(s) with zero or negative revenue"));
        }
    }

    @Nested
    class ParentGroups {

        @Test
        void accountsRollUpToTheirTopParent() {
            // P 100 + S1 (parent P) 200 + S2 (parent S1) 100 = 400 → 40%; X 600 → 60%. HHI = 3600 + 1600 = 5200.
            // Group health = (100×40 + 200×90 + 100×50) / 400 = 67.5; at risk = 400 × 0.325 + 600 × 0.5 = 430.
            DependencyRisk r = DependencyRiskCalculator.assess(at(AS_OF, account("P").revenue("2026-01", "100"),
                            account("S1", "P").revenue("2026-01", "200"), account("S2", "S1").revenue("2026-01", "100"),
                            account("X").revenue("2026-01", "600")), AS_OF,
                    Map.of("P", 40, "S1", 90, "S2", 50, "X", 50));
            assertThat(r.customers()).extracting(c -> c.customerId()).containsExactly("X", "P");
            assertThat(r.customers().get(1).memberAccountIds()).containsExactly("P", "S1", "S2");
            assertThat(r.customers().get(1).revenue()).isEqualByComparingTo("400");
            assertThat(r.customers().get(1).health()).isEqualTo(d("67.50"));
            assertThat(r.hhi()).isEqualTo(d("5200.00"));
            assertThat(r.revenueAtRisk()).isEqualTo(d("430.00"));
        }

        @Test
        void missingParentBecomesTheGroupAndCyclesAreCut() {
            // M1, M2 under absent GHOST = 300 → 50%; C1 ⇄ C2 loop grouped under C1 = 300 → 50%
            DependencyRisk r = DependencyRiskCalculator.assess(at(AS_OF,
                    account("M1", "GHOST").revenue("2026-01", "100"), account("M2", "GHOST").revenue("2026-01", "200"),
                    account("C1", "C2").revenue("2026-01", "100"), account("C2", "C1").revenue("2026-01", "200")),
                    AS_OF, Map.of());
            assertThat(r.customers()).extracting(c -> c.customerId()).containsExactly("C1", "GHOST");
            assertThat(r.customers().get(1).memberAccountIds()).containsExactly("M1", "M2");
            assertThat(r.hhi()).isEqualTo(d("5000.00"));
            assertThat(r.notes()).anyMatch(n -> n.contains("Parent GHOST is not in the portfolio"));
            assertThat(r.notes()).anyMatch(n -> n.contains("loops") && n.contains("grouped under C1"));
        }
    }

    @Nested
    class StressTest {

        @Test
        void largestCustomerLeaves() {
            // Without A: 300/200/100 of 600 = 50/33.33/16.67; HHI = 10000 × (9+4+1)/36 = 3888.89 (+888.89);
            // N_eff = 36/14 = 2.57; cumulative 50, 83.33 → N80 = 2 (−1); top1 50 (+10)
            DependencyStressTest s = DependencyRiskCalculator.stressTest(fourCustomers(), AS_OF, Map.of(), "A");
            assertThat(s.leavingCustomerId()).isEqualTo("A");
            assertThat(s.leavingRevenue()).isEqualByComparingTo("400");
            assertThat(s.after().totalRevenue()).isEqualByComparingTo("600");
            assertThat(s.after().customers()).extracting(c -> c.sharePct())
                    .containsExactly(d("50.00"), d("33.33"), d("16.67"));
            assertThat(s.after().hhi()).isEqualTo(d("3888.89"));
            assertThat(s.hhiChange()).isEqualTo(d("888.89"));
            assertThat(s.after().effectiveCustomers()).isEqualTo(d("2.57"));
            assertThat(s.n80Change()).isEqualTo(-1);
            assertThat(s.top1SharePctChange()).isEqualTo(d("10.00"));
            assertThat(s.totalRevenueChange()).isEqualByComparingTo("-400");
            assertThat(s.before().hhi()).isEqualTo(d("3000.00"));
        }

        @Test
        void namingAMemberAccountRemovesItsWholeGroup() {
            DependencyStressTest s = DependencyRiskCalculator.stressTest(at(AS_OF,
                    account("P").revenue("2026-01", "100"), account("S1", "P").revenue("2026-01", "300"),
                    account("X").revenue("2026-01", "600")), AS_OF, Map.of(), "S1");
            assertThat(s.leavingCustomerId()).isEqualTo("P");
            assertThat(s.leavingAccountIds()).containsExactly("P", "S1");
            assertThat(s.after().customers()).extracting(c -> c.customerId()).containsExactly("X");
            assertThat(s.concentrationChanged()).isFalse(); // 5200 SEVERE → 10000 SEVERE
        }

        @Test
        void unknownIdIsRejected() {
            assertThatThrownBy(() -> DependencyRiskCalculator.stressTest(fourCustomers(), AS_OF, Map.of(), "NOPE"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
