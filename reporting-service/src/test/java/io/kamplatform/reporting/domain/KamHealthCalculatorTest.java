package io.kamplatform.reporting.domain;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.health.Band;
import io.kamplatform.reporting.domain.health.FactorScore;
import io.kamplatform.reporting.domain.health.HealthFactor;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.health.HealthTrend;
import io.kamplatform.reporting.domain.health.KamHealth;
import io.kamplatform.reporting.domain.health.KamHealthCalculator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.kamplatform.reporting.domain.Facts.AS_OF;
import static io.kamplatform.reporting.domain.Facts.contact;
import static io.kamplatform.reporting.domain.Facts.daysAgo;
import static io.kamplatform.reporting.domain.Facts.hoursAgo;
import static io.kamplatform.reporting.domain.Facts.interaction;
import static io.kamplatform.reporting.domain.Facts.met;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KamHealthCalculatorTest {

    static KamHealth health(RecordedFact... facts) {
        return KamHealthCalculator.assess(AccountFacts.fold(Facts.ACCOUNT, List.of(facts), AS_OF), AS_OF,
                HealthModel.defaults());
    }

    static BigDecimal score(KamHealth health, HealthFactor factor) {
        return health.factor(factor).score();
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Nested
    class WeightedMean {

        @Test
        void noDataAtAllGivesNoScoreNoBandZeroCoverage() {
            KamHealth health = health();
            assertNull(health.score());
            assertNull(health.band());
            assertEquals(d("0.0"), health.dataCoveragePct());
            assertTrue(health.factors().stream().noneMatch(FactorScore::hasData));
            assertEquals("kam-health-1", health.modelVersion());
        }

        @Test
        void onlyFactorsWithDataCount() {
            // Engagement: last two-way exactly 30 days ago → recency 100; 1 of 6 → cadence 16.667; mean 58.333 → 58.3.
            // Contract: current, preferred, ends far away → 80 + 20 = 100.
            // H = (20 × 58.3 + 15 × 100) / 35 = 2666 / 35 = 76.17 → 76 → GREEN; coverage 35 / 100 = 35.0 %.
            KamHealth health = health(met(daysAgo(30), List.of("c-unknown")),
                    Facts.contract(daysAgo(200), "K1", "2025-09-01", "2028-08-31", true));
            assertEquals(d("58.3"), score(health, HealthFactor.ENGAGEMENT));
            assertEquals(d("100.0"), score(health, HealthFactor.CONTRACT_SECURITY));
            assertNull(score(health, HealthFactor.DMU_COVERAGE));
            assertEquals(76, health.score());
            assertEquals(Band.GREEN, health.band());
            assertEquals(d("35.0"), health.dataCoveragePct());
        }

        @Test
        void allFiveFactors() {
            // DMU: c1 EXECUTIVE DECIDER+BUYER, c2 USER, met 10 days ago → 3 of 5 → 60.0.
            // Engagement: 10 days → recency 100; 1/6 → 16.667; mean 58.3.
            // Service: SR1 resolved within SLA → 100.0.
            // Commercial: P3 = 300, T3 = 270 → r 0.9 → (0.9 − 0.7)/0.4 = 50.0; no potential.
            // Contract: not preferred, ends far → 80.0.
            // H = (25×60 + 20×58.3 + 20×100 + 20×50 + 15×80) / 100 = (1500 + 1166 + 2000 + 1000 + 1200) / 100
            //   = 68.66 → 69 → AMBER.
            KamHealth health = health(
                    contact(daysAgo(200), "c1", "EXECUTIVE", "DECIDER", "BUYER"),
                    contact(daysAgo(200), "c2", "OPERATIONAL", "USER"),
                    met(daysAgo(10), List.of("c1", "c2")),
                    Facts.requestOpened(daysAgo(40), "SR1", "HIGH", 24),
                    Facts.requestResolved(daysAgo(40).plusSeconds(3600), "SR1"),
                    Facts.revenue("2025-09", "100"), Facts.revenue("2025-10", "100"), Facts.revenue("2025-11", "100"),
                    Facts.revenue("2025-12", "90"), Facts.revenue("2026-01", "90"), Facts.revenue("2026-02", "90"),
                    Facts.contract(daysAgo(200), "K1", "2025-09-01", "2028-08-31", false));
            assertEquals(d("60.0"), score(health, HealthFactor.DMU_COVERAGE));
            assertEquals(d("50.0"), score(health, HealthFactor.COMMERCIAL_MOMENTUM));
            assertEquals(d("80.0"), score(health, HealthFactor.CONTRACT_SECURITY));
            assertEquals(69, health.score());
            assertEquals(Band.AMBER, health.band());
            assertEquals(d("100.0"), health.dataCoveragePct());
            // Points lost: DMU 25 × 40 = 1000, commercial 20 × 50 = 1000, engagement 20 × 41.7 = 834, contract 300.
            assertEquals(List.of("No two-way contact in 90 days with the DMU roles INFLUENCER, GATEKEEPER",
                    "Revenue last 3 months down 10% on the 3 before",
                    "1 two-way interactions in 90 days against 6 expected"), health.topDrivers());
        }
    }

    @Nested
    class Bands {

        HealthModel model = HealthModel.defaults();

        @Test
        void thresholds() {
            assertEquals(Band.RED, model.bandOf(0));
            assertEquals(Band.RED, model.bandOf(50));
            assertEquals(Band.AMBER, model.bandOf(51));
            assertEquals(Band.AMBER, model.bandOf(75));
            assertEquals(Band.GREEN, model.bandOf(76));
            assertEquals(Band.GREEN, model.bandOf(100));
        }

        @Test
        void lowScoreIsRed() {
            // Contract only: current but at risk (ends in 60 days, no two-way in 30 days), not preferred: 80 − 40 = 40.
            // Plus engagement: last two-way 60 days ago → recency 50; 1/6 → cadence 16.667 → 33.3.
            // H = (20 × 33.3 + 15 × 40) / 35 = (666 + 600) / 35 = 36.17 → 36 → RED.
            KamHealth health = health(met(daysAgo(60), List.of("c")),
                    Facts.contract(daysAgo(300), "K1", "2025-06-01", "2026-05-14", false));
            assertEquals(d("33.3"), score(health, HealthFactor.ENGAGEMENT));
            assertEquals(d("40.0"), score(health, HealthFactor.CONTRACT_SECURITY));
            assertEquals(36, health.score());
            assertEquals(Band.RED, health.band());
        }
    }

    @Nested
    class DmuCoverage {

        @Test
        void noContactsIsNoData() {
            assertNull(score(health(met(daysAgo(1), List.of("x"))), HealthFactor.DMU_COVERAGE));
        }

        @Test
        void contactsNeverMetScoreZero() {
            assertEquals(d("0.0"), score(health(contact(daysAgo(10), "c1", "EXECUTIVE", "DECIDER")),
                    HealthFactor.DMU_COVERAGE));
        }

        @Test
        void allRolesWithoutExecutiveAreCappedAt80() {
            // 5 of 5 → 100, but no executive met → 80.
            KamHealth health = health(contact(daysAgo(100), "c1", "MANAGEMENT", "DECIDER", "INFLUENCER", "BUYER"),
                    contact(daysAgo(100), "c2", "OPERATIONAL", "USER", "GATEKEEPER"),
                    met(daysAgo(5), List.of("c1", "c2")));
            assertEquals(d("80.0"), score(health, HealthFactor.DMU_COVERAGE));
            assertTrue(health.topDrivers().contains("No executive-level contact met two-way in 90 days"));
        }

        @Test
        void allRolesWithExecutiveScore100AndSponsorDoesNotCount() {
            KamHealth health = health(contact(daysAgo(100), "c1", "EXECUTIVE", "DECIDER", "INFLUENCER", "SPONSOR"),
                    contact(daysAgo(100), "c2", "OPERATIONAL", "USER", "GATEKEEPER", "BUYER"),
                    met(daysAgo(5), List.of("c1", "c2")));
            assertEquals(d("100.0"), score(health, HealthFactor.DMU_COVERAGE));
        }

        @Test
        void onlyActiveContactsMetTwoWayWithin90DaysCount() {
            // c1 DECIDER met 91 days ago (outside), c2 BUYER met exactly 90 days ago (inside), c3 USER left,
            // c4 GATEKEEPER only in a one-way mailing → 1 of 5 (BUYER) → 20.0; the decider is the top driver.
            KamHealth health = health(contact(daysAgo(200), "c1", "EXECUTIVE", "DECIDER"),
                    contact(daysAgo(200), "c2", "OPERATIONAL", "BUYER"),
                    contact(daysAgo(200), "c3", "OPERATIONAL", "USER"),
                    contact(daysAgo(200), "c4", "OPERATIONAL", "GATEKEEPER"),
                    met(daysAgo(91), List.of("c1")), met(daysAgo(90), List.of("c2")), met(daysAgo(20), List.of("c3")),
                    interaction(daysAgo(3), false, List.of("c4")),
                    Facts.contactLeft(daysAgo(10), "c3"));
            FactorScore dmu = health.factor(HealthFactor.DMU_COVERAGE);
            assertEquals(d("20.0"), dmu.score());
            assertEquals("BUYER", dmu.inputs().get("rolesCovered"));
            assertTrue(health.topDrivers().contains("No two-way contact with a DECIDER in 90 days"));
        }
    }

    @Nested
    class Engagement {

        @Test
        void noInteractionsIsNoData() {
            assertNull(score(health(contact(daysAgo(1), "c1", "EXECUTIVE", "DECIDER")), HealthFactor.ENGAGEMENT));
        }

        @Test
        void exactly90DaysGivesZeroRecencyButCountsForCadence() {
            // recency 0; 1 of 6 in the window (inclusive) → 16.667; mean 8.333 → 8.3.
            assertEquals(d("8.3"), score(health(met(daysAgo(90), List.of("c"))), HealthFactor.ENGAGEMENT));
        }

        @Test
        void cadenceIsCappedAt100() {
            // 7 two-way in 90 days, last 1 day ago: recency 100, cadence min(7/6, 1) = 100 → 100.0.
            RecordedFact[] facts = new RecordedFact[7];
            for (int i = 0; i < 7; i++) {
                facts[i] = met(daysAgo(1 + 10L * i), List.of("c"));
            }
            assertEquals(d("100.0"), score(health(facts), HealthFactor.ENGAGEMENT));
        }

        @Test
        void onlyOneWayInteractionsScoreZero() {
            assertEquals(d("0.0"), score(health(interaction(daysAgo(2), false, List.of())), HealthFactor.ENGAGEMENT));
        }

        @Test
        void staleWhenTheNewestInteractionIsOlderThan90Days() {
            KamHealth health = health(met(daysAgo(100), List.of("c")));
            assertEquals(d("0.0"), score(health, HealthFactor.ENGAGEMENT));
            assertTrue(health.factor(HealthFactor.ENGAGEMENT).stale());
            assertEquals(List.of("Engagement"), health.staleFactors());
        }

        @Test
        void notStaleAtExactly90Days() {
            assertFalse(health(met(daysAgo(90), List.of("c"))).factor(HealthFactor.ENGAGEMENT).stale());
        }
    }

    @Nested
    class Service {

        @Test
        void noRequestsNoComplaintsIsNoData() {
            assertNull(score(health(met(daysAgo(1), List.of("c"))), HealthFactor.SERVICE));
        }

        @Test
        void attainmentMinusPenalties() {
            // Judged in 365 days: SR1 met (10 h ≤ 24), SR2 missed (30 h > 24), SR4 open past SLA → 1/3 = 33.333.
            // SR3 (400 days ago) is outside the window; SR5 (open 1 h, SLA 24) cannot be judged yet.
            // Penalties: SR4 overdue −10, one open complaint −15 → 33.333 − 25 = 8.333 → 8.3.
            KamHealth health = health(
                    Facts.requestOpened(daysAgo(100), "SR1", "HIGH", 24), Facts.requestResolved(daysAgo(100).plusSeconds(36_000), "SR1"),
                    Facts.requestOpened(daysAgo(50), "SR2", "LOW", 24), Facts.requestResolved(daysAgo(50).plusSeconds(108_000), "SR2"),
                    Facts.requestOpened(daysAgo(400), "SR3", "LOW", 1), Facts.requestResolved(daysAgo(300), "SR3"),
                    Facts.requestOpened(daysAgo(2), "SR4", "MEDIUM", 24),
                    Facts.requestOpened(hoursAgo(1), "SR5", "MEDIUM", 24),
                    Facts.complaint(daysAgo(3), "CMP1", "HIGH"));
            FactorScore service = health.factor(HealthFactor.SERVICE);
            assertEquals(d("8.3"), service.score());
            assertEquals(3, service.inputs().get("requestsJudgedIn365Days"));
            assertEquals(25, service.inputs().get("penalty"));
        }

        @Test
        void flooredAtZero() {
            // 100 − 7 × 15 = −5 → 0.0.
            RecordedFact[] complaints = new RecordedFact[7];
            for (int i = 0; i < 7; i++) {
                complaints[i] = Facts.complaint(daysAgo(1), "CMP" + i, "LOW");
            }
            KamHealth health = health(complaints);
            assertEquals(d("0.0"), score(health, HealthFactor.SERVICE));
            assertEquals("7 open complaints", health.topDrivers().get(0));
        }

        @Test
        void noCaseForMonthsIsNotStaleData() {
            // The last request was resolved 200 days ago: nothing went wrong since, which is not missing data.
            KamHealth health = health(met(daysAgo(1), List.of("c")),
                    Facts.requestOpened(daysAgo(200), "SR1", "LOW", 24), Facts.requestResolved(daysAgo(199), "SR1"));
            assertEquals(d("100.0"), score(health, HealthFactor.SERVICE));
            assertFalse(health.factor(HealthFactor.SERVICE).stale());
            assertEquals(List.of(), health.staleFactors());
        }

        @Test
        void resolvedComplaintsOnlyGive100() {
            assertEquals(d("100.0"), score(health(Facts.complaint(daysAgo(20), "C1", "CRITICAL"),
                    Facts.complaintResolved(daysAgo(19), "C1")), HealthFactor.SERVICE));
        }
    }

    @Nested
    class CommercialMomentum {

        @Test
        void noRevenueAndNoPotentialIsNoData() {
            assertNull(score(health(met(daysAgo(1), List.of("c"))), HealthFactor.COMMERCIAL_MOMENTUM));
        }

        @Test
        void zeroPotentialWithoutRevenueIsNoData() {
            assertNull(score(health(Facts.potential(daysAgo(5), "0")), HealthFactor.COMMERCIAL_MOMENTUM));
        }

        @Test
        void revenueDown35PercentAndQuarterPenetration() {
            // P3 (Sep–Nov) = 300, T3 (Dec–Feb) = 195 → r = 0.65 ≤ 0.7 → momentum 0.
            // T12 = 495; potential 1980 → 25 % → 25/50 × 100 = 50. Mean (0 + 50) / 2 = 25.0.
            // March 2026 (asOf's month) is incomplete and ignored.
            KamHealth health = health(
                    Facts.revenue("2025-09", "100"), Facts.revenue("2025-10", "100"), Facts.revenue("2025-11", "100"),
                    Facts.revenue("2025-12", "65"), Facts.revenue("2026-01", "65"), Facts.revenue("2026-02", "65"),
                    Facts.revenue("2026-03", "5000"), Facts.potential(daysAgo(30), "1980"));
            FactorScore commercial = health.factor(HealthFactor.COMMERCIAL_MOMENTUM);
            assertEquals(d("25.0"), commercial.score());
            assertEquals(new BigDecimal("25.0"), commercial.inputs().get("penetrationPct"));
            assertEquals("Revenue last 3 months down 35% on the 3 before", health.topDrivers().get(0));
        }

        @Test
        void aFlatQuarterIsCalledFlatNotUpZeroPercent() {
            // P3 = 1000, T3 = 1003 → r = 1.003 (+0.3%, rounds to 0%) → momentum (1.003 − 0.7) / 0.4 = 75.75 → 75.8
            KamHealth health = health(Facts.revenue("2025-10", "1000"), Facts.revenue("2026-01", "1003"));
            assertEquals(d("75.8"), score(health, HealthFactor.COMMERCIAL_MOMENTUM));
            assertEquals("Revenue last 3 months flat on the 3 before", health.topDrivers().get(0));
        }

        @Test
        void strongGrowthAndPenetrationAreCappedAt100() {
            // P3 = 100, T3 = 110 → r = 1.1 → 100; T12 = 210 of potential 400 → 52.5 % ≥ 50 % → 100.
            KamHealth health = health(Facts.revenue("2025-10", "100"), Facts.revenue("2026-02", "110"),
                    Facts.potential(daysAgo(5), "400"));
            assertEquals(d("100.0"), score(health, HealthFactor.COMMERCIAL_MOMENTUM));
        }

        @Test
        void zeroPotentialLeavesMomentumAlone() {
            // r = 90/100 = 0.9 → 50.0; potential 0 is unusable → momentum only.
            KamHealth health = health(Facts.revenue("2025-10", "100"), Facts.revenue("2026-01", "90"),
                    Facts.potential(daysAgo(5), "0"));
            assertEquals(d("50.0"), score(health, HealthFactor.COMMERCIAL_MOMENTUM));
        }

        @Test
        void potentialWithoutRevenueScoresZeroPenetration() {
            assertEquals(d("0.0"), score(health(Facts.potential(daysAgo(5), "1000")), HealthFactor.COMMERCIAL_MOMENTUM));
        }

        @Test
        void growthFromNothingIs100AndNothingForSixMonthsIsZero() {
            assertEquals(d("100.0"), score(health(Facts.revenue("2026-02", "1")), HealthFactor.COMMERCIAL_MOMENTUM));
            assertEquals(d("0.0"), score(health(Facts.revenue("2025-01", "1")), HealthFactor.COMMERCIAL_MOMENTUM));
        }
    }

    @Nested
    class ContractSecurity {

        @Test
        void neverAContractIsNoData() {
            assertNull(score(health(met(daysAgo(1), List.of("c"))), HealthFactor.CONTRACT_SECURITY));
        }

        @Test
        void terminatedContractScoresZero() {
            KamHealth health = health(Facts.contract(daysAgo(300), "K1", "2025-06-01", "2027-05-31", true),
                    Facts.terminated(daysAgo(10), "K1"));
            assertEquals(d("0.0"), score(health, HealthFactor.CONTRACT_SECURITY));
            assertEquals("No active contract", health.topDrivers().get(0));
        }

        @Test
        void preferredRenewalSoonWithRecentContactIsSafe() {
            // Ends in 30 days but met two-way 10 days ago → 80 + 20 = 100.
            assertEquals(d("100.0"), score(health(met(daysAgo(10), List.of("c")),
                    Facts.contract(daysAgo(300), "K1", "2025-06-01", "2026-04-14", true)), HealthFactor.CONTRACT_SECURITY));
        }

        @Test
        void preferredRenewalSoonWithoutRecentContactLoses40() {
            // Ends 2026-06-13 = exactly 90 days after 2026-03-15; last two-way 31 days ago → 80 + 20 − 40 = 60.
            KamHealth health = health(met(daysAgo(31), List.of("c")),
                    Facts.contract(daysAgo(300), "K1", "2025-06-01", "2026-06-13", true));
            assertEquals(d("60.0"), score(health, HealthFactor.CONTRACT_SECURITY));
        }

        @Test
        void renewalBeyond90DaysIsNoRisk() {
            assertEquals(d("100.0"), score(health(Facts.contract(daysAgo(300), "K1", "2025-06-01", "2026-06-14", true)),
                    HealthFactor.CONTRACT_SECURITY));
        }
    }

    @Nested
    class CriticalOverride {

        @Test
        void openCriticalComplaintOlderThan72HoursForcesRed() {
            // Service alone: 100 − 15 = 85 → would be GREEN; the override makes it RED.
            KamHealth health = health(Facts.complaint(hoursAgo(73), "CMP-77", "CRITICAL"));
            assertEquals(85, health.score());
            assertEquals(Band.RED, health.band());
            assertTrue(health.forcedRed());
            assertEquals("Forced RED: critical complaint CMP-77 open for more than 72 h", health.topDrivers().get(0));
        }

        @Test
        void criticalComplaintAtExactly72HoursIsNotYetPastDue() {
            KamHealth health = health(Facts.complaint(hoursAgo(72), "CMP-77", "CRITICAL"));
            assertFalse(health.forcedRed());
            assertEquals(Band.GREEN, health.band());
        }

        @Test
        void criticalServiceRequestPastSlaForcesRed() {
            KamHealth health = health(Facts.requestOpened(hoursAgo(5), "SR-1", "CRITICAL", 4));
            assertEquals(Band.RED, health.band());
            assertEquals(List.of("Forced RED: critical service request SR-1 open past its 4 h SLA"),
                    health.criticalOverrides());
        }

        @Test
        void resolvedCriticalComplaintDoesNotForceRed() {
            assertFalse(health(Facts.complaint(daysAgo(10), "C", "CRITICAL"), Facts.complaintResolved(daysAgo(1), "C"))
                    .forcedRed());
        }
    }

    @Nested
    class Trend {

        static KamHealth withScore(Integer score) {
            return new KamHealth("A", AS_OF, score, null, List.of(), BigDecimal.ZERO, List.of(), List.of(), List.of(), "v");
        }

        @Test
        void deltasAgainst30And90Days() {
            assertEquals(new HealthTrend(-5, 12), HealthTrend.of(withScore(70), withScore(75), withScore(58)));
        }

        @Test
        void nullWhenAScoreIsMissing() {
            assertEquals(new HealthTrend(null, 3), HealthTrend.of(withScore(70), withScore(null), withScore(67)));
        }
    }
}
