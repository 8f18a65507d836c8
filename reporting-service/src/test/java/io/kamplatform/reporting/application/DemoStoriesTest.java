package io.kamplatform.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.local.demo.DemoPortfolio;
import io.kamplatform.reporting.domain.plan.ObjectiveStatus;
import io.kamplatform.reporting.domain.plan.PlanAssessment;
import io.kamplatform.local.demo.DemoStories;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.reporting.domain.dependency.AccountHealth;
import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.dependency.DependencyRiskCalculator;
import io.kamplatform.reporting.domain.dependency.DependencyRules;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.BuyingRole;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.health.Band;
import io.kamplatform.reporting.domain.health.HealthModel;
import io.kamplatform.reporting.domain.margin.DiscountChange;
import io.kamplatform.reporting.domain.margin.MarginPressure;
import io.kamplatform.reporting.domain.margin.MarginPressureCalculator;
import io.kamplatform.reporting.domain.potential.NeglectedAccount;
import io.kamplatform.reporting.domain.potential.NeglectedPotentialFinder;
import io.kamplatform.reporting.domain.stage.RelationshipStage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo portfolio the launcher loads, folded and reported without infrastructure: the planted stories that
 * PlatformEndToEndIT reads over HTTP must come out of the report rules, on any day the demo might be loaded
 * (today, and the month and quarter boundaries the "complete at asOf" rule cares about).
 */
class DemoStoriesTest {

    static final String ACCOUNT_SERVICE = "/kam-platform/account-service";
    static final String RELATIONSHIP_SERVICE = "/kam-platform/relationship-service";

    @ParameterizedTest
    @ValueSource(strings = {"today", "2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01", "2026-02-15"})
    void everyPlantedStoryShows(String loadDay) {
        LocalDate today = loadDay.equals("today") ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(loadDay);
        Instant asOf = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Map<String, List<RecordedFact>> histories = histories(DemoPortfolio.generate(DemoPortfolio.DEFAULT_SEED, today));
        AccountAssessor assessor = new AccountAssessor(new ObjectMapper(), HealthModel.defaults());
        List<AccountFacts> portfolio = new ArrayList<>();
        Map<String, AccountHealth> health = new HashMap<>();
        histories.forEach((id, history) -> {
            AccountFacts facts = assessor.factsAt(id, history, asOf);
            portfolio.add(facts);
            health.put(id, assessor.health(facts, asOf));
        });

        DependencyRisk risk = DependencyRiskCalculator.assess(portfolio, asOf, health, DependencyRules.defaults());
        assertThat(risk.majorCustomerIds()).contains(DemoStories.DEPENDENCY_GROUP);
        assertThat(risk.customerCount()).isGreaterThan(200);
        assertThat(risk.top20PctSharePct().doubleValue()).isBetween(70.0, 90.0);

        MarginPressure volta = MarginPressureCalculator.assess(portfolio, asOf).stream()
                .filter(m -> m.accountId().equals(DemoStories.MARGIN_SQUEEZE)).findFirst().orElseThrow();
        assertThat(volta.discountChanges()).isNotEmpty().allMatch(c -> c.changePp().signum() > 0,
                "discounts deepen at renewal: " + volta.discountChanges().stream().map(DiscountChange::changePp).toList());
        assertThat(volta.statusAbuse()).as("status abuse: %s", volta).isTrue();

        assertThat(NeglectedPotentialFinder.find(portfolio, asOf).accounts()).extracting(NeglectedAccount::accountId)
                .contains(DemoStories.NEGLECTED_POTENTIAL);

        AccountAssessment alpina = assess(assessor, histories, DemoStories.SPONSOR_LEFT, asOf);
        assertThat(alpina.trend().deltaVs90Days()).as("health fell after the sponsor left").isNegative();
        assertThat(alpina.stage().stage()).as("%s", alpina.stage().reasons()).isEqualTo(RelationshipStage.DISINTEGRATING);
        assertThat(alpina.dmu().uncoveredRoles()).contains(BuyingRole.SPONSOR);

        AccountAssessment helix = assess(assessor, histories, DemoStories.HEALTHY_PARTNERSHIP, asOf);
        assertThat(helix.health().band()).as("%s", helix.health()).isEqualTo(Band.GREEN);
        assertThat(helix.stage().stage()).as("%s", helix.stage().reasons()).isEqualTo(RelationshipStage.INTEGRATED);

        // Account plans (issue 16): HELIX-PHARMA on track, ALPINA-FOODS with missed objectives and an unreviewed plan.
        PlanAssessment helixPlan = PlanAssessment.of(helix.facts(), asOf);
        assertThat(helixPlan.objectiveCounts()).as("%s", helixPlan.objectiveCounts())
                .doesNotContainKeys(ObjectiveStatus.MISSED, ObjectiveStatus.OVERDUE, ObjectiveStatus.AT_RISK);
        assertThat(helixPlan.reviewDue()).isFalse();
        assertThat(helixPlan.overdueActions()).isEmpty();
        PlanAssessment alpinaPlan = PlanAssessment.of(alpina.facts(), asOf);
        assertThat(alpinaPlan.objectiveCounts().getOrDefault(ObjectiveStatus.MISSED, 0)).isGreaterThanOrEqualTo(2);
        assertThat(alpinaPlan.reviewDue()).isTrue();
        assertThat(alpinaPlan.overdueActions()).isNotEmpty();
    }

    static AccountAssessment assess(AccountAssessor assessor, Map<String, List<RecordedFact>> histories, String id,
            Instant asOf) {
        List<RecordedFact> history = histories.get(id);
        return assessor.assess(id, history, assessor.factsAt(id, history, asOf), asOf);
    }

    /** Each account's events as the reporting service stores them (source = the writer that takes the type). */
    static Map<String, List<RecordedFact>> histories(List<PlannedEvent> events) {
        Map<String, List<RecordedFact>> byAccount = new LinkedHashMap<>();
        for (PlannedEvent e : events) {
            String source = e.service() == PlannedEvent.Service.ACCOUNT ? ACCOUNT_SERVICE : RELATIONSHIP_SERVICE;
            byAccount.computeIfAbsent(e.accountId(), id -> new ArrayList<>())
                    .add(new RecordedFact(e.eventId(), source, e.type(), e.accountId(), e.occurredAt(), e.data()));
        }
        return byAccount;
    }
}
