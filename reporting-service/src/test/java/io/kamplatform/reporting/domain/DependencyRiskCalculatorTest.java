package io.kamplatform.reporting.domain;

import io.kamplatform.reporting.domain.dependency.AccountHealth;
import io.kamplatform.reporting.domain.dependency.ConcentrationLevel;
import io.kamplatform.reporting.domain.dependency.CustomerBasis;
import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.dependency.DependencyRiskCalculator;
import io.kamplatform.reporting.domain.dependency.DependencyRules;
import io.kamplatform.reporting.domain.dependency.DependencyStressTest;
import io.kamplatform.reporting.domain.dependency.UnknownCustomerException;
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

    /** Scores as if each rested on every factor (coverage 100%). */
    static Map<String, AccountHealth> known(Map<String, Integer> scores) {
        Map<String, AccountHealth> health = new java.util.HashMap<>();
        if (scores != null) {
            scores.forEach((id, score) -> health.put(id, new AccountHealth(score, d("100.0"))));
        }
        return health;
    }

    static DependencyRisk assess(List<AccountFacts> accounts, Instant asOf, Map<String, Integer> scores) {
        return DependencyRiskCalculator.assess(accounts, asOf, known(scores), DependencyRules.defaults());
    }

    static DependencyRisk byAccount(List<AccountFacts> accounts) {
        return DependencyRiskCalculator.assess(accounts, AS_OF, Map.of(),
                new DependencyRules(CustomerBasis.ACCOUNT, DependencyRules.DEFAULT_MIN_HEALTH_COVERAGE_PCT));
    }

    static DependencyStressTest stressTest(List<AccountFacts> accounts, Instant asOf, Map<String, Integer> scores,
            String leaving) {
        return DependencyRiskCalculator.stressTest(accounts, asOf, known(scores), DependencyRules.defaults(), leaving);
    }

    /** One account per share, revenue = the share (so the total is 100 when the shares add up to 100). */
    static List<AccountFacts> shares(String... shares) {
        List<AccountFacts> accounts = new java.util.ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            accounts.add(account(String.format("C%03d", i + 1)).revenue("2026-01", shares[i]).at(AS_OF));
        }
        return accounts;
    }

    static String[] repeat(int n, String share) {
        String[] all = new String[n];
        java.util.Arrays.fill(all, share);
        return all;
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
            DependencyRisk r = assess(fourCustomers(), AS_OF,
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
            // 40 < 60 and N80 3 > 20% of 4, but HHI 3000 and four major customers: few customers carry the revenue
            assertThat(r.kamJustified()).isTrue();
            assertThat(r.reasons()).noneMatch(s -> s.contains("spread"));
            assertThat(r.pareto()).extracting(p -> p.cumulativeSharePct())
                    .containsExactly(d("40.00"), d("70.00"), d("90.00"), d("100.00"));
        }

        @Test
        void revenueAtRiskIsWeightedByHealthAndAMissingScoreIsUnknownRisk() {
            // known: 400 × (1 − 0.8) + 300 × (1 − 0.6) + 100 × 0 = 80 + 120 + 0 = 200; C (no score): 200 unknown
            DependencyRisk r = assess(fourCustomers(), AS_OF,
                    Map.of("A", 80, "B", 60, "D", 100));
            assertThat(r.revenueAtRisk()).isEqualTo(d("200.00"));
            assertThat(r.revenueAtRiskPct()).isEqualTo(d("20.00"));
            assertThat(r.revenueWithUnknownRisk()).isEqualTo(d("200.00"));
            assertThat(r.revenueWithUnknownRiskPct()).isEqualTo(d("20.00"));
            assertThat(r.customers().get(2).health()).isNull();
            assertThat(r.customers().get(2).revenueWithUnknownRisk()).isEqualTo(d("200.00"));
            assertThat(r.accountsWithUnknownRisk()).containsExactly("C");
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
            DependencyRisk r = assess(at(AS_OF, accounts.toArray(PortfolioFacts[]::new)),
                    AS_OF, Map.of());
            assertThat(r.hhi()).isEqualTo(d("3250.00"));
            assertThat(r.effectiveCustomers()).isEqualTo(d("3.08"));
            assertThat(r.top20PctCustomers()).isEqualTo(2);
            assertThat(r.top20PctSharePct()).isEqualTo(d("60.00"));
            assertThat(r.top5SharePct()).isEqualTo(d("75.00"));
            assertThat(r.n80()).isEqualTo(6);
            assertThat(r.majorCustomerIds()).containsExactly("A");
            assertThat(r.kamJustified()).isTrue();
            // every account lacks a score: nothing is known to be at risk, all 1000 is unknown risk
            assertThat(r.revenueAtRisk()).isEqualTo(d("0.00"));
            assertThat(r.revenueWithUnknownRisk()).isEqualTo(d("1000.00"));
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void tiesAreRankedByCustomerIdAndHhiOf2500IsModerate() {
            // 4 × 25%: HHI = 4 × 625 = 2500 (upper bound of MODERATE); N_eff 4; cumulative 25,50,75,100 → N80 = 4
            DependencyRisk r = assess(at(AS_OF, account("D").revenue("2026-01", "10"),
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
            DependencyRisk r = assess(at(AS_OF, account("A").revenue("2026-01", "123.45")),
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
            DependencyRisk r = assess(at(early, account("A").revenue("2026-01", "10")),
                    early, Map.of());
            assertThat(r.concentration()).isEqualTo(ConcentrationLevel.NO_REVENUE);
            assertThat(r.totalRevenue()).isEqualByComparingTo("0");
            assertThat(r.hhi()).isNull();
            assertThat(r.n80()).isNull();
            assertThat(r.pareto()).isEmpty();
            assertThat(r.kamJustified()).isFalse();
            assertThat(r.excludedCustomers()).extracting(e -> e.customerId()).containsExactly("A");

            DependencyRisk empty = assess(List.of(), AS_OF, null);
            assertThat(empty.customerCount()).isZero();
            assertThat(empty.revenueAtRisk()).isEqualByComparingTo("0");
        }

        @Test
        void zeroAndNegativeCustomersAreExcludedFromShares() {
            // Z: 100 − 150 = −50 in the window; Y: no revenue at all. A alone makes 100%.
            DependencyRisk r = assess(at(AS_OF, account("A").revenue("2026-01", "80"),
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
            DependencyRisk r = assess(at(AS_OF, account("P").revenue("2026-01", "100"),
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
            DependencyRisk r = assess(at(AS_OF,
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
    class ByAccountOrGroup {

        /** P 100 with subsidiary S1 300 (group P = 400), X 600. */
        List<AccountFacts> subsidiaries() {
            return at(AS_OF, account("P").revenue("2026-01", "100"), account("S1", "P").revenue("2026-01", "300"),
                    account("X").revenue("2026-01", "600"));
        }

        @Test
        void byAccountEveryAccountIsItsOwnCustomer() {
            // X 60, S1 30, P 10 → HHI 3600 + 900 + 100 = 4600; N80 = 2; all three ≥ 10%
            DependencyRisk r = byAccount(subsidiaries());
            assertThat(r.by()).isEqualTo(CustomerBasis.ACCOUNT);
            assertThat(r.customers()).extracting(c -> c.customerId()).containsExactly("X", "S1", "P");
            assertThat(r.customers()).extracting(c -> c.memberAccountIds()).containsExactly(List.of("X"),
                    List.of("S1"), List.of("P"));
            assertThat(r.hhi()).isEqualTo(d("4600.00"));
            assertThat(r.n80()).isEqualTo(2);
            assertThat(r.majorCustomerIds()).containsExactly("X", "S1", "P");
            assertThat(r.top1SharePct()).isEqualTo(d("60.00"));
        }

        @Test
        void byGroupIsTheDefaultAndTheTruerRisk() {
            // X 60, P group 40 → HHI 3600 + 1600 = 5200
            DependencyRisk r = assess(subsidiaries(), AS_OF, Map.of());
            assertThat(r.by()).isEqualTo(CustomerBasis.GROUP);
            assertThat(r.hhi()).isEqualTo(d("5200.00"));
            assertThat(DependencyRules.defaults().by()).isEqualTo(CustomerBasis.GROUP);
        }

        @Test
        void byAccountTheStressTestRemovesOneSubsidiaryOnly() {
            // without S1: X 600, P 100 of 700 → 85.71 / 14.29; HHI = 10000 × (360000 + 10000) / 490000 = 7551.02
            DependencyStressTest s = DependencyRiskCalculator.stressTest(subsidiaries(), AS_OF, Map.of(),
                    new DependencyRules(CustomerBasis.ACCOUNT, DependencyRules.DEFAULT_MIN_HEALTH_COVERAGE_PCT), "S1");
            assertThat(s.by()).isEqualTo(CustomerBasis.ACCOUNT);
            assertThat(s.leavingCustomerId()).isEqualTo("S1");
            assertThat(s.leavingAccountIds()).containsExactly("S1");
            assertThat(s.leavingRevenue()).isEqualByComparingTo("300");
            assertThat(s.after().customers()).extracting(c -> c.customerId()).containsExactly("X", "P");
            assertThat(s.after().customers()).extracting(c -> c.sharePct()).containsExactly(d("85.71"), d("14.29"));
            assertThat(s.after().hhi()).isEqualTo(d("7551.02"));
            assertThat(s.before().hhi()).isEqualTo(d("4600.00"));
        }

        @Test
        void byAccountAGroupThatIsNoAccountCannotLeave() {
            List<AccountFacts> ghosts = at(AS_OF, account("M1", "GHOST").revenue("2026-01", "100"),
                    account("X").revenue("2026-01", "100"));
            DependencyRules byAccount = new DependencyRules(CustomerBasis.ACCOUNT,
                    DependencyRules.DEFAULT_MIN_HEALTH_COVERAGE_PCT);
            assertThatThrownBy(() -> DependencyRiskCalculator.stressTest(ghosts, AS_OF, Map.of(), byAccount, "GHOST"))
                    .isInstanceOf(UnknownCustomerException.class).hasMessageContaining("by=group");
            assertThat(DependencyRiskCalculator.stressTest(ghosts, AS_OF, Map.of(), DependencyRules.defaults(),
                    "GHOST").leavingAccountIds()).containsExactly("M1");
        }
    }

    /** The verdict must hold for few customers too: "top 20%" of 5 customers is one customer. */
    @Nested
    class KamJustifiedForAnyNumberOfCustomers {

        @Test
        void oneCustomer() {
            DependencyRisk r = assess(shares("100"), AS_OF, Map.of());
            assertThat(r.hhi()).isEqualTo(d("10000.00"));
            assertThat(r.kamJustified()).isTrue();
            assertThat(r.reasons()).noneMatch(s -> s.contains("spread"));
        }

        @Test
        void twoEqualCustomers() {
            DependencyRisk r = assess(shares("50", "50"), AS_OF, Map.of());
            assertThat(r.hhi()).isEqualTo(d("5000.00"));
            assertThat(r.concentration()).isEqualTo(ConcentrationLevel.SEVERE);
            assertThat(r.kamJustified()).isTrue();
        }

        @Test
        void fiveCustomersWithHhi2800AreNotSpread() {
            // 40/30/10/10/10: HHI 1600 + 900 + 3 × 100 = 2800; top 20% = 1 customer = 40% (< 60); N80 = 3 of 5 (60%).
            // The old 80/20-only verdict called this "spread across customers".
            DependencyRisk r = assess(shares("40", "30", "10", "10", "10"), AS_OF, Map.of());
            assertThat(r.hhi()).isEqualTo(d("2800.00"));
            assertThat(r.top20PctSharePct()).isEqualTo(d("40.00"));
            assertThat(r.n80()).isEqualTo(3);
            assertThat(r.kamJustified()).isTrue();
            assertThat(r.reasons()).noneMatch(s -> s.contains("spread"))
                    .anyMatch(s -> s.contains("HHI 2800 ≥ 1500"))
                    .anyMatch(s -> s.contains("fewer than 10 customers"));
        }

        @Test
        void fiveEqualCustomers() {
            // 5 × 20%: HHI 2000, N_eff 5; each customer is a fifth of revenue
            DependencyRisk r = assess(shares("20", "20", "20", "20", "20"), AS_OF, Map.of());
            assertThat(r.hhi()).isEqualTo(d("2000.00"));
            assertThat(r.kamJustified()).isTrue();
        }

        @Test
        void tenCustomersOneMajor() {
            // 28 + 9 × 8: HHI 784 + 9 × 64 = 1360 (< 1500, LOW); top 20% = 2 = 36% (< 60); N80 = 8 of 10;
            // but one customer at 28% ≥ 10%: a major customer justifies KAM.
            String[] s = new String[10];
            s[0] = "28";
            java.util.Arrays.fill(s, 1, 10, "8");
            DependencyRisk r = assess(shares(s), AS_OF, Map.of());
            assertThat(r.hhi()).isEqualTo(d("1360.00"));
            assertThat(r.concentration()).isEqualTo(ConcentrationLevel.LOW);
            assertThat(r.majorCustomerIds()).containsExactly("C001");
            assertThat(r.kamJustified()).isTrue();
        }

        @Test
        void aHundredEqualCustomersAreSpread() {
            // 100 × 1%: HHI 100, N_eff 100, no major, top 20% = 20%, N80 = 80
            DependencyRisk r = assess(shares(repeat(100, "1")), AS_OF, Map.of());
            assertThat(r.hhi()).isEqualTo(d("100.00"));
            assertThat(r.n80()).isEqualTo(80);
            assertThat(r.majorCustomerIds()).isEmpty();
            assertThat(r.kamJustified()).isFalse();
            assertThat(r.reasons()).anyMatch(s -> s.contains("spread across customers"));
        }

        @Test
        void aHundredCustomersInTheParetoPattern() {
            // 20 × 4% + 80 × 0.25%: HHI 20 × 16 + 80 × 0.0625 = 325; top 20% = 80%; N80 = 20 ≤ 20% of 100
            String[] s = new String[100];
            java.util.Arrays.fill(s, 0, 20, "16");
            java.util.Arrays.fill(s, 20, 100, "1");
            DependencyRisk r = assess(shares(s), AS_OF, Map.of());
            assertThat(r.hhi()).isEqualTo(d("325.00"));
            assertThat(r.top20PctSharePct()).isEqualTo(d("80.00"));
            assertThat(r.n80()).isEqualTo(20);
            assertThat(r.majorCustomerIds()).isEmpty();
            assertThat(r.kamJustified()).isTrue();
        }
    }

    @Nested
    class RevenueAtRiskAndHealthCoverage {

        /** A 400 health 80 on full data; B 300 health 60 on 40% coverage; C 200 no score; D 100 health 100 at 50%. */
        Map<String, AccountHealth> health() {
            return Map.of("A", new AccountHealth(80, d("100.0")), "B", new AccountHealth(60, d("40.0")),
                    "D", new AccountHealth(100, d("50.0")));
        }

        @Test
        void lowCoverageCountsAsUnknownRiskNotAsKnown() {
            // known: A 400 × 0.2 = 80, D 100 × 0 = 0 (coverage 50 = the threshold) → 80 (8%);
            // unknown: B 300 (coverage 40 < 50) + C 200 (no score) = 500 (50%)
            DependencyRisk r = DependencyRiskCalculator.assess(fourCustomers(), AS_OF, health(),
                    DependencyRules.defaults());
            assertThat(r.minHealthCoveragePct()).isEqualTo(d("50"));
            assertThat(r.revenueAtRisk()).isEqualTo(d("80.00"));
            assertThat(r.revenueAtRiskPct()).isEqualTo(d("8.00"));
            assertThat(r.revenueWithUnknownRisk()).isEqualTo(d("500.00"));
            assertThat(r.revenueWithUnknownRiskPct()).isEqualTo(d("50.00"));
            assertThat(r.accountsWithUnknownRisk()).containsExactly("B", "C");
            assertThat(r.customers().get(1).health()).isNull();
            assertThat(r.customers().get(1).revenueAtRisk()).isEqualTo(d("0.00"));
            assertThat(r.customers().get(1).revenueWithUnknownRisk()).isEqualTo(d("300.00"));
        }

        @Test
        void theCoverageThresholdIsARule() {
            // threshold 40: B known, 300 × 0.4 = 120 → known 200, unknown C 200
            DependencyRisk r = DependencyRiskCalculator.assess(fourCustomers(), AS_OF, health(),
                    new DependencyRules(CustomerBasis.GROUP, d("40")));
            assertThat(r.revenueAtRisk()).isEqualTo(d("200.00"));
            assertThat(r.revenueWithUnknownRisk()).isEqualTo(d("200.00"));
        }

        @Test
        void aGroupMixesKnownAndUnknownAccounts() {
            // group P: P 100 health 40 (known) + S1 300 without a score → health 40 over the known 100,
            // at risk 100 × 0.6 = 60, unknown 300
            DependencyRisk r = DependencyRiskCalculator.assess(at(AS_OF, account("P").revenue("2026-01", "100"),
                    account("S1", "P").revenue("2026-01", "300")), AS_OF,
                    Map.of("P", new AccountHealth(40, d("100.0"))), DependencyRules.defaults());
            assertThat(r.customers().get(0).health()).isEqualTo(d("40.00"));
            assertThat(r.customers().get(0).revenueAtRisk()).isEqualTo(d("60.00"));
            assertThat(r.customers().get(0).revenueWithUnknownRisk()).isEqualTo(d("300.00"));
        }
    }

    @Nested
    class StressTest {

        @Test
        void largestCustomerLeaves() {
            // Without A: 300/200/100 of 600 = 50/33.33/16.67; HHI = 10000 × (9+4+1)/36 = 3888.89 (+888.89);
            // N_eff = 36/14 = 2.57; cumulative 50, 83.33 → N80 = 2 (−1); top1 50 (+10)
            DependencyStressTest s = stressTest(fourCustomers(), AS_OF, Map.of(), "A");
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
            DependencyStressTest s = stressTest(at(AS_OF,
                    account("P").revenue("2026-01", "100"), account("S1", "P").revenue("2026-01", "300"),
                    account("X").revenue("2026-01", "600")), AS_OF, Map.of(), "S1");
            assertThat(s.leavingCustomerId()).isEqualTo("P");
            assertThat(s.leavingAccountIds()).containsExactly("P", "S1");
            assertThat(s.after().customers()).extracting(c -> c.customerId()).containsExactly("X");
            assertThat(s.concentrationChanged()).isFalse(); // 5200 SEVERE → 10000 SEVERE
        }

        @Test
        void unknownIdIsRejected() {
            assertThatThrownBy(() -> stressTest(fourCustomers(), AS_OF, Map.of(), "NOPE"))
                    .isInstanceOf(UnknownCustomerException.class).hasMessageContaining("NOPE");
        }
    }
}
