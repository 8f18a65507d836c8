package io.kamplatform.reporting.domain;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.Concession;
import io.kamplatform.reporting.domain.facts.ContractTerms;
import io.kamplatform.reporting.domain.margin.DiscountChange;
import io.kamplatform.reporting.domain.margin.MarginPressure;
import io.kamplatform.reporting.domain.margin.MarginPressureCalculator;
import io.kamplatform.reporting.domain.margin.MarginPressureFilter;
import io.kamplatform.reporting.domain.margin.MarginPressureRanking;
import io.kamplatform.reporting.domain.margin.PressureFlag;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static io.kamplatform.reporting.domain.Facts.AS_OF;
import static io.kamplatform.reporting.domain.PortfolioFacts.account;
import static org.assertj.core.api.Assertions.assertThat;

/** asOf 2026-03-15: window 2025-03..2026-02; last four complete quarters 2025-Q1..2025-Q4. */
class MarginPressureCalculatorTest {

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static Instant on(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }

    static List<MarginPressure> assess(PortfolioFacts... accounts) {
        return MarginPressureCalculator.assess(Arrays.stream(accounts).map(a -> a.at(AS_OF)).toList(), AS_OF);
    }

    static MarginPressure of(List<MarginPressure> all, String id) {
        return all.stream().filter(p -> p.accountId().equals(id)).findFirst().orElseThrow();
    }

    /** K1: 800/1000 (20%) → renewed 720/1000 (28%) → amended 765/900 (15%); K2: 450/500 (10%). */
    static PortfolioFacts contractHistory() {
        return account("K")
                .contract(on("2025-01-02"), "K1", "2025-01-01", "2025-12-31", "800", "1000")
                .renewed(on("2025-12-01"), "K1", "2026-12-31", "720", "1000")
                .amended(on("2026-02-01"), "K1", "765", "900")
                .contract(on("2026-01-02"), "K2", "2026-01-01", "2026-12-31", "450", "500")
                .concession(on("2026-02-10"), "K1", "CON-1", "25000.50");
    }

    @Nested
    class ContractHistory {

        @Test
        void foldKeepsEveryStepAndTheConcessions() {
            AccountFacts k = contractHistory().at(AS_OF);
            assertThat(k.contracts().get("K1").termsHistory()).extracting(ContractTerms::step)
                    .containsExactly(ContractTerms.Step.SIGNED, ContractTerms.Step.RENEWED, ContractTerms.Step.AMENDED);
            assertThat(k.contracts().get("K1").annualValue().amount()).isEqualByComparingTo("765");
            Concession c = k.concessions().get(0);
            assertThat(c.concessionId()).isEqualTo("CON-1");
            assertThat(c.kind()).isEqualTo("REBATE");
            assertThat(c.value().amount()).isEqualTo(d("25000.50"));
            assertThat(c.grantedAt()).isEqualTo(on("2026-02-10"));
            assertThat(k.skippedEventIds()).isEmpty();
        }

        @Test
        void concessionOnAnUnknownContractIsSkipped() {
            AccountFacts k = account("K").concession(on("2026-02-10"), "NOPE", "CON-9", "1").at(AS_OF);
            assertThat(k.concessions()).isEmpty();
            assertThat(k.skippedEventIds()).hasSize(1);
        }

        @Test
        void realisationAndDiscountChangeAtEachStep() {
            // realisation = (765 + 450) / (900 + 500) = 1215 / 1400 = 86.7857… → 86.79%
            MarginPressure k = assess(contractHistory()).get(0);
            assertThat(k.priceRealisationPct()).isEqualTo(d("86.79"));
            assertThat(k.activeContractIds()).containsExactly("K1", "K2");
            assertThat(k.discountChanges()).containsExactly(
                    new DiscountChange("K1", ContractTerms.Step.RENEWED, LocalDate.parse("2025-12-01"), d("20.00"),
                            d("28.00"), d("8.00"), k.discountChanges().get(0).eventId()),
                    new DiscountChange("K1", ContractTerms.Step.AMENDED, LocalDate.parse("2026-02-01"), d("28.00"),
                            d("15.00"), d("-13.00"), k.discountChanges().get(1).eventId()));
            // the last step made the discount shallower: no status abuse; discount depth 13.21% → 20 × 13.21/40
            assertThat(k.statusAbuse()).isFalse();
            // no revenue: concessions % and margin not computed
            assertThat(k.concessionsPct()).isNull();
            assertThat(k.grossMarginPct()).isNull();
            // discount 100 − 86.7857… = 13.2142… → 20 × 0.330357… = 6.607… → score 7
            assertThat(k.score()).isEqualTo(7);
        }
    }

    @Nested
    class GrossMargin {

        /** A: quarterly margins 40, 35, 30, 25; B: 50% in one quarter; N: negative margin −30%. */
        List<MarginPressure> portfolio() {
            return assess(
                    account("A").revenue("2025-02", "100", "60").revenue("2025-05", "100", "65")
                            .revenue("2025-08", "100", "70").revenue("2025-11", "100", "75"),
                    account("B").revenue("2025-06", "200", "100"),
                    account("N").revenue("2025-09", "100", "130"));
        }

        @Test
        void trailingMarginAgainstMedianAndSlope() {
            // A in window (2025-05, -08, -11): revenue 300, cost 210 → 30%. Median of {30, 50, −30} = 30.
            // Slope: x 1..4, y 40,35,30,25 → (4×300 − 10×130) / (4×30 − 10²) = −100 / 20 = −5 pp per quarter.
            MarginPressure a = of(portfolio(), "A");
            assertThat(a.revenue()).isEqualByComparingTo("300");
            assertThat(a.grossMarginPct()).isEqualTo(d("30.00"));
            assertThat(a.portfolioMedianGrossMarginPct()).isEqualTo(d("30.00"));
            assertThat(a.quarters()).extracting(q -> q.quarter())
                    .containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
            assertThat(a.quarters()).extracting(q -> q.grossMarginPct())
                    .containsExactly(d("40.00"), d("35.00"), d("30.00"), d("25.00"));
            assertThat(a.marginSlopePpPerQuarter()).isEqualTo(d("-5.00"));
        }

        @Test
        void squeezeWhenMarginFallsWhileRevenueShareRises() {
            // Portfolio Q1+Q2 = A 200 + B 200 = 400 → A 50%; Q3+Q4 = A 200 + N 100 = 300 → A 66.67%: rose.
            MarginPressure a = of(portfolio(), "A");
            assertThat(a.revenueSharePriorPct()).isEqualTo(d("50.00"));
            assertThat(a.revenueShareRecentPct()).isEqualTo(d("66.67"));
            assertThat(a.squeeze()).isTrue();
            // only the decline scores: 15 × min(1, 5/5) = 15
            assertThat(a.score()).isEqualTo(15);
            assertThat(a.drivers()).extracting(p -> p.name()).containsExactly("Margin decline");
            assertThat(a.drivers().get(0).explanation()).isEqualTo("Gross margin falling 5 pp per quarter (+15 of 15)");
        }

        @Test
        void negativeMarginIsFarBelowTheMedian() {
            // N: (100 − 130) / 100 = −30%; gap 30 − (−30) = 60 ≥ 20 → full 20 points; one quarter: no slope
            MarginPressure n = of(portfolio(), "N");
            assertThat(n.grossMarginPct()).isEqualTo(d("-30.00"));
            assertThat(n.marginSlopePpPerQuarter()).isNull();
            assertThat(n.squeeze()).isFalse();
            assertThat(n.score()).isEqualTo(20);
        }
    }

    @Nested
    class ConcessionsServiceAndAbuse {

        List<MarginPressure> portfolio() {
            PortfolioFacts x = account("X").revenue("2026-01", "1000000", "800000")
                    .contract(on("2025-01-02"), "X1", "2025-01-01", "2025-12-31", "900", "1000")
                    .renewed(on("2026-01-10"), "X1", "2026-12-31", "800", "1000")
                    .concession(on("2025-11-01"), "X1", "C1", "50000")
                    .concession(on("2026-03-01"), "X1", "C2", "99") // current month: outside the window
                    .request(on("2026-03-10")); // outside the window
            for (int i = 0; i < 6; i++) {
                x.request(on("2025-06-0" + (i + 1)));
            }
            x.complaint(on("2025-07-01")).complaint(on("2026-02-01"));
            PortfolioFacts y = account("Y").key().revenue("2026-01", "1000000", "700000")
                    .request(on("2025-05-01")).request(on("2025-05-02"));
            PortfolioFacts z = account("Z").revenue("2026-01", "2000000", "1400000");
            for (int i = 0; i < 4; i++) {
                z.request(on("2025-04-0" + (i + 1)));
            }
            return assess(x, y, z);
        }

        @Test
        void concessionsAndServiceIntensity() {
            // X: concessions 50,000 / 1,000,000 = 5%; 6 requests + 2 complaints = 8 per 1M; Y 2, Z 4 / 2M = 2 → median 2
            MarginPressure x = of(portfolio(), "X");
            assertThat(x.concessions()).isEqualByComparingTo("50000");
            assertThat(x.concessionsPct()).isEqualTo(d("5.00"));
            assertThat(x.serviceEvents()).isEqualTo(8);
            assertThat(x.serviceIntensityPerMillion()).isEqualTo(d("8.00"));
            assertThat(x.portfolioMedianServiceIntensity()).isEqualTo(d("2.00"));
        }

        @Test
        void statusAbuseAndScore() {
            // discount 10% → 20% at the renewal (+10 pp) and 8 > 1.5 × 2 → status abuse.
            // Score: depth 20 × 20/40 = 10; deepened 15 × 10/10 = 15; margin 20% vs median 30%: 20 × 10/20 = 10;
            // no quarter revenue → no slope; concessions 15 × 5/10 = 7.5; service (8/2 − 1)/2 ≥ 1 → 15.
            // 10 + 15 + 10 + 7.5 + 15 = 57.5 → 58
            MarginPressure x = of(portfolio(), "X");
            assertThat(x.statusAbuse()).isTrue();
            assertThat(x.priceRealisationPct()).isEqualTo(d("80.00"));
            assertThat(x.score()).isEqualTo(58);
            assertThat(x.drivers()).extracting(p -> p.points())
                    .containsExactly(d("15.0"), d("15.0"), d("10.0"), d("10.0"), d("7.5"));
            assertThat(x.drivers()).extracting(p -> p.explanation())
                    .contains("Discount deepened by 10 pp at the renewal of X1 on 2026-01-10 (+15 of 15)");
        }

        @Test
        void rankingWithFilters() {
            List<MarginPressure> all = portfolio();
            assertThat(MarginPressureRanking.of(AS_OF, all, MarginPressureFilter.ALL).accounts())
                    .extracting(MarginPressure::accountId).containsExactly("X", "Y", "Z");
            assertThat(MarginPressureRanking.of(AS_OF, all, new MarginPressureFilter(false, 1, null)).accounts())
                    .extracting(MarginPressure::accountId).containsExactly("X");
            assertThat(MarginPressureRanking.of(AS_OF, all,
                    new MarginPressureFilter(false, null, PressureFlag.STATUS_ABUSE)).accounts())
                    .extracting(MarginPressure::accountId).containsExactly("X");
            assertThat(MarginPressureRanking.of(AS_OF, all, new MarginPressureFilter(true, null, null)).accounts())
                    .extracting(MarginPressure::accountId).containsExactly("Y");
            MarginPressureRanking ranking = MarginPressureCalculator.rank(
                    List.of(account("Q").at(AS_OF)), AS_OF, null);
            assertThat(ranking.accounts()).hasSize(1);
        }
    }

    @Nested
    class ServiceIntensityBaseline {

        /** A 3 and B 1 service events per 1M; C, D, E none: the median is 0. B's K renewal deepened 10% → 20%. */
        List<MarginPressure> portfolio() {
            PortfolioFacts a = account("A").revenue("2026-01", "1000000", "700000");
            for (int i = 1; i <= 3; i++) {
                a.request(on("2025-06-0" + i));
            }
            PortfolioFacts b = account("B").revenue("2026-01", "1000000", "700000").request(on("2025-06-01"))
                    .contract(on("2025-01-02"), "K", "2025-01-01", "2025-12-31", "900", "1000")
                    .renewed(on("2025-12-10"), "K", "2026-12-31", "800", "1000");
            return assess(a, b, account("C").revenue("2026-01", "1000000", "700000"),
                    account("D").revenue("2026-01", "1000000", "700000"),
                    account("E").revenue("2026-01", "1000000", "700000"));
        }

        @Test
        void aZeroMedianFallsBackToTheMean() {
            // intensities 3, 1, 0, 0, 0 → median 0 → baseline = mean = 4 / 5 = 0.8.
            // B: 1 / 0.8 = 1.25 → 15 × min(1, 0.25 / 2) = 1.875 → 1.9 points (not the full 15).
            MarginPressure b = of(portfolio(), "B");
            assertThat(b.portfolioMedianServiceIntensity()).isEqualTo(d("0.00"));
            assertThat(b.serviceIntensityBaseline()).isEqualTo(d("0.80"));
            assertThat(b.serviceIntensityBaselineKind()).isEqualTo("MEAN");
            assertThat(b.drivers()).filteredOn(p -> p.name().equals("Service intensity"))
                    .extracting(p -> p.points()).containsExactly(d("1.9"));
            // 1 ≤ 1.5 × 0.8 = 1.2: deeper discount but ordinary service → no status abuse
            assertThat(b.statusAbuse()).isFalse();
            // A: 3 / 0.8 = 3.75 → full 15
            assertThat(of(portfolio(), "A").drivers()).filteredOn(p -> p.name().equals("Service intensity"))
                    .extracting(p -> p.points()).containsExactly(d("15.0"));
        }

        @Test
        void noServiceEventAnywhereGivesNoBaselineAndNoPoints() {
            MarginPressure c = of(assess(account("C").revenue("2026-01", "100"), account("D").revenue("2026-01", "100")),
                    "C");
            assertThat(c.serviceIntensityBaseline()).isNull();
            assertThat(c.serviceIntensityBaselineKind()).isNull();
            assertThat(c.drivers()).noneMatch(p -> p.name().equals("Service intensity"));
            assertThat(c.notes()).anyMatch(n -> n.contains("No service request or complaint in the portfolio"));
        }

        @Test
        void aPositiveMedianIsTheBaseline() {
            // the ConcessionsServiceAndAbuse portfolio: 8, 2, 2 → median 2
            MarginPressure x = of(new ConcessionsServiceAndAbuse().portfolio(), "X");
            assertThat(x.serviceIntensityBaseline()).isEqualTo(d("2.00"));
            assertThat(x.serviceIntensityBaselineKind()).isEqualTo("MEDIAN");
        }
    }

    @Nested
    class PremiumPricing {

        /**
         * P: signed at 1100 for a list of 1000 (10% above list), renewed at 1050 (5% above); plenty of service.
         * Q: signed at 1050 (5% above), renewed at 950 (5% below list); plenty of service. R: quiet, for the baseline.
         */
        List<MarginPressure> portfolio() {
            PortfolioFacts p = account("P").revenue("2026-01", "1000000", "700000")
                    .contract(on("2025-01-02"), "P1", "2025-01-01", "2025-12-31", "1100", "1000")
                    .renewed(on("2025-12-10"), "P1", "2026-12-31", "1050", "1000");
            PortfolioFacts q = account("Q").revenue("2026-01", "1000000", "700000")
                    .contract(on("2025-01-02"), "Q1", "2025-01-01", "2025-12-31", "1050", "1000")
                    .renewed(on("2025-12-10"), "Q1", "2026-12-31", "950", "1000");
            for (int i = 1; i <= 5; i++) {
                p.request(on("2025-06-0" + i));
                q.request(on("2025-06-0" + i));
            }
            return assess(p, q, account("R").revenue("2026-01", "1000000", "700000").request(on("2025-06-01")));
        }

        @Test
        void realisationAboveListIsReportedAsItIs() {
            // 1050 / 1000 = 105%: a premium of 5%, shown as a discount of −5%
            MarginPressure p = of(portfolio(), "P");
            assertThat(p.priceRealisationPct()).isEqualTo(d("105.00"));
            assertThat(p.averageDiscountPct()).isEqualTo(d("-5.00"));
            assertThat(p.discountChanges()).extracting(c -> c.discountBeforePct(), c -> c.discountAfterPct(),
                    c -> c.changePp()).containsExactly(org.assertj.core.groups.Tuple.tuple(d("-10.00"), d("-5.00"),
                    d("5.00")));
            // a premium earns no discount-depth points
            assertThat(p.drivers()).noneMatch(d -> d.name().equals("Discount depth"));
        }

        @Test
        void aNarrowingPremiumIsPriceErosionButNotStatusAbuse() {
            // intensities 5, 5, 1 → median 5; P at 5 is not above 1.5 × 5 anyway, so check the words and points:
            // +5 pp toward list → 15 × 5/10 = 7.5 points, worded as a premium narrowing.
            MarginPressure p = of(portfolio(), "P");
            assertThat(p.drivers()).filteredOn(d -> d.name().equals("Price erosion")).extracting(d -> d.explanation())
                    .containsExactly("Premium narrowed by 5 pp (from 10% to 5% above list) at the renewal of P1 on "
                            + "2025-12-10 (+7.5 of 15)");
            assertThat(p.statusAbuse()).isFalse();
        }

        @Test
        void statusAbuseNeedsAPriceBelowList() {
            // Q moved from 5% above list to 5% below (+10 pp). With service far above the baseline it is abuse;
            // P, with the same service but still above list, is not.
            List<MarginPressure> busy = assessBusy();
            MarginPressure q = of(busy, "Q");
            assertThat(q.drivers()).filteredOn(d -> d.name().equals("Price erosion")).extracting(d -> d.explanation())
                    .containsExactly("Price moved from 5% above list to a 5% discount at the renewal of Q1 on "
                            + "2025-12-10 (+15 of 15)");
            assertThat(q.statusAbuse()).isTrue();
            assertThat(of(busy, "P").statusAbuse()).isFalse();
        }

        /** As {@link #portfolio()} plus three quiet accounts, so P and Q (5 per 1M) are far above the median 1. */
        List<MarginPressure> assessBusy() {
            PortfolioFacts p = account("P").revenue("2026-01", "1000000", "700000")
                    .contract(on("2025-01-02"), "P1", "2025-01-01", "2025-12-31", "1100", "1000")
                    .renewed(on("2025-12-10"), "P1", "2026-12-31", "1050", "1000");
            PortfolioFacts q = account("Q").revenue("2026-01", "1000000", "700000")
                    .contract(on("2025-01-02"), "Q1", "2025-01-01", "2025-12-31", "1050", "1000")
                    .renewed(on("2025-12-10"), "Q1", "2026-12-31", "950", "1000");
            for (int i = 1; i <= 5; i++) {
                p.request(on("2025-06-0" + i));
                q.request(on("2025-06-0" + i));
            }
            return assess(p, q, account("R").revenue("2026-01", "1000000", "700000").request(on("2025-06-01")),
                    account("S").revenue("2026-01", "1000000", "700000").request(on("2025-06-01")),
                    account("T").revenue("2026-01", "1000000", "700000").request(on("2025-06-01")));
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void asOfBeforeAnyDataAndNoRevenue() {
            Instant early = Instant.parse("2024-01-01T00:00:00Z");
            MarginPressure p = MarginPressureCalculator.assess(List.of(contractHistory().at(early)), early).get(0);
            assertThat(p.priceRealisationPct()).isNull();
            assertThat(p.discountChanges()).isEmpty();
            assertThat(p.grossMarginPct()).isNull();
            assertThat(p.portfolioMedianGrossMarginPct()).isNull();
            assertThat(p.marginSlopePpPerQuarter()).isNull();
            assertThat(p.serviceIntensityPerMillion()).isNull();
            assertThat(p.score()).isZero();
            assertThat(p.notes()).isNotEmpty();
            assertThat(MarginPressureCalculator.assess(List.of(), AS_OF)).isEmpty();
        }

        @Test
        void evenCountMedianIsTheMeanOfTheMiddleTwo() {
            // margins 10% and 40% → median 25
            List<MarginPressure> all = assess(account("A").revenue("2026-01", "100", "90"),
                    account("B").revenue("2026-01", "100", "60"));
            assertThat(all.get(0).portfolioMedianGrossMarginPct()).isEqualTo(d("25.00"));
        }
    }
}
