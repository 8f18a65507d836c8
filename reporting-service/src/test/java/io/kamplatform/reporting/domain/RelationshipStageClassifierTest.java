package io.kamplatform.reporting.domain;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.health.KamHealth;
import io.kamplatform.reporting.domain.stage.RelationshipStage;
import io.kamplatform.reporting.domain.stage.RelationshipStageClassifier;
import io.kamplatform.reporting.domain.stage.StageAssessment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.kamplatform.reporting.domain.Facts.AS_OF;
import static io.kamplatform.reporting.domain.Facts.contact;
import static io.kamplatform.reporting.domain.Facts.daysAgo;
import static io.kamplatform.reporting.domain.Facts.met;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelationshipStageClassifierTest {

    static KamHealth withScore(Integer score) {
        return new KamHealth("A", AS_OF, score, null, List.of(), BigDecimal.ZERO, List.of(), List.of(), List.of(), "v");
    }

    static StageAssessment classify(Integer now, Integer ninetyDaysAgo, RecordedFact... facts) {
        return RelationshipStageClassifier.classify(AccountFacts.fold(Facts.ACCOUNT, List.of(facts), AS_OF),
                withScore(now), withScore(ninetyDaysAgo), AS_OF);
    }

    static StageAssessment classify(RecordedFact... facts) {
        return classify(70, 70, facts);
    }

    static RecordedFact[] plus(RecordedFact[] base, RecordedFact... more) {
        List<RecordedFact> all = new ArrayList<>(Arrays.asList(base));
        all.addAll(Arrays.asList(more));
        return all.toArray(RecordedFact[]::new);
    }

    /** Preferred, two years 2025-06-01..2027-05-31; all five roles with an executive decider; three functions. */
    static RecordedFact[] integrated() {
        return new RecordedFact[] {
                Facts.contract(daysAgo(300), "K1", "2025-06-01", "2027-05-31", true),
                contact(daysAgo(300), "c1", "EXECUTIVE", "DECIDER", "INFLUENCER"),
                contact(daysAgo(300), "c2", "OPERATIONAL", "BUYER", "USER", "GATEKEEPER"),
                met(daysAgo(20), List.of("c1", "c2"), "SALES", "TECHNICAL"),
                met(daysAgo(200), List.of("c2"), "SERVICE")};
    }

    @Nested
    class Ladder {

        @Test
        void noContractIsExploratory() {
            StageAssessment stage = classify(contact(daysAgo(5), "c1", "EXECUTIVE", "DECIDER"),
                    met(daysAgo(1), List.of("c1"), "SALES", "TECHNICAL"));
            assertEquals(RelationshipStage.EXPLORATORY, stage.stage());
            assertEquals(List.of("No active contract"), stage.reasons());
        }

        @Test
        void oneContactOneFunctionIsBasic() {
            StageAssessment stage = classify(Facts.contract(daysAgo(30), "K1", "2026-01-01", "2026-12-31", false),
                    contact(daysAgo(30), "c1", "OPERATIONAL", "BUYER"), met(daysAgo(3), List.of("c1"), "SALES"));
            assertEquals(RelationshipStage.BASIC, stage.stage());
            assertTrue(stage.reasons().contains("Next stage needs at least 2 buying roles met, at least 2 supplier functions"),
                    stage.reasons().toString());
        }

        @Test
        void severalRolesAndFunctionsIsCooperative() {
            StageAssessment stage = classify(Facts.contract(daysAgo(30), "K1", "2026-01-01", "2026-12-31", false),
                    contact(daysAgo(30), "c1", "OPERATIONAL", "BUYER", "USER"),
                    met(daysAgo(3), List.of("c1"), "SALES", "LOGISTICS"));
            assertEquals(RelationshipStage.COOPERATIVE, stage.stage());
            assertTrue(stage.reasons().contains(
                    "Next stage needs a DECIDER met, an executive-level contact met, preferred-supplier status"));
        }

        @Test
        void deciderExecutiveAndPreferredIsInterdependent() {
            // Like integrated() but the contract runs only one year.
            StageAssessment stage = classify(Facts.contract(daysAgo(30), "K1", "2026-01-01", "2026-12-31", true),
                    contact(daysAgo(30), "c1", "EXECUTIVE", "DECIDER"),
                    contact(daysAgo(30), "c2", "OPERATIONAL", "BUYER", "USER", "GATEKEEPER", "INFLUENCER"),
                    met(daysAgo(3), List.of("c1", "c2"), "SALES", "TECHNICAL", "SERVICE"));
            assertEquals(RelationshipStage.INTERDEPENDENT, stage.stage());
            assertTrue(stage.reasons().contains("Next stage needs a contract of at least 2 years"));
        }

        @Test
        void allRolesThreeFunctionsAndMultiYearContractIsIntegrated() {
            assertEquals(RelationshipStage.INTEGRATED, classify(integrated()).stage());
        }

        @Test
        void functionsOlderThan365DaysDoNotCount() {
            RecordedFact[] facts = integrated();
            facts[4] = met(daysAgo(366), List.of("c2"), "SERVICE"); // SERVICE drops out → 2 functions
            assertEquals(RelationshipStage.INTERDEPENDENT, classify(facts).stage());
        }
    }

    @Nested
    class Disintegrating {

        @Test
        void healthFell10WithAContactLost() {
            // 75 → 65 = −10 and the sponsor left 10 days ago.
            StageAssessment stage = classify(65, 75, plus(integrated(),
                    contact(daysAgo(300), "c9", "EXECUTIVE", "SPONSOR"), Facts.contactLeft(daysAgo(10), "c9")));
            assertEquals(RelationshipStage.DISINTEGRATING, stage.stage());
            assertEquals("Health fell 10 points in 90 days (75 → 65)", stage.reasons().get(0));
            assertTrue(stage.reasons().contains("Contact Name c9 left on 2026-03-05"));
        }

        @Test
        void healthFellWithAContractTerminated() {
            StageAssessment stage = classify(40, 60, Facts.contract(daysAgo(300), "K1", "2025-06-01", "2027-05-31", true),
                    Facts.terminated(daysAgo(30), "K1"));
            assertEquals(RelationshipStage.DISINTEGRATING, stage.stage());
            assertTrue(stage.reasons().contains("Contract K1 terminated on 2026-02-13"), stage.reasons().toString());
        }

        @Test
        void aDropOf9IsNotEnough() {
            StageAssessment stage = classify(66, 75, plus(integrated(),
                    contact(daysAgo(300), "c9", "EXECUTIVE", "SPONSOR"), Facts.contactLeft(daysAgo(10), "c9")));
            assertEquals(RelationshipStage.INTEGRATED, stage.stage());
            assertTrue(stage.reasons().contains("Warning: Contact Name c9 left on 2026-03-05"));
        }

        @Test
        void aDropWithoutALossIsNotDisintegrating() {
            assertEquals(RelationshipStage.INTEGRATED, classify(40, 80, integrated()).stage());
        }

        @Test
        void aLossOlderThan90DaysDoesNotCount() {
            StageAssessment stage = classify(40, 80, plus(integrated(),
                    contact(daysAgo(300), "c9", "EXECUTIVE", "SPONSOR"), Facts.contactLeft(daysAgo(91), "c9")));
            assertEquals(RelationshipStage.INTEGRATED, stage.stage());
        }

        @Test
        void missingScoresNeverDisintegrate() {
            StageAssessment stage = classify(null, 80, plus(integrated(), Facts.contactLeft(daysAgo(1), "c1")));
            assertEquals(RelationshipStage.COOPERATIVE, stage.stage());
        }
    }
}
