package io.kamplatform.reporting.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.local.demo.DemoPortfolio;
import io.kamplatform.reporting.application.AccountAssessor;
import io.kamplatform.reporting.application.AccountSummarizer;
import io.kamplatform.reporting.application.AccountSummary;
import io.kamplatform.reporting.domain.dependency.DependencyRules;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.domain.health.HealthModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The insights the demo produces, as documented in README "Insights the demo produces": the demo is loaded into a new
 * installation, whose baseline is the empty portfolio (migration V7), so the demo's accounts are first seen after it. Derived here without infrastructure, by the pass's own assessment and rules, on any
 * day the demo might be loaded.
 */
class DemoInsightsTest {

    static final Path README = Path.of("README.md");

    @ParameterizedTest
    @ValueSource(strings = {"today", "2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01", "2026-02-15"})
    void theDemoProducesTheDocumentedInsights(String loadDay) throws Exception {
        LocalDate today = loadDay.equals("today") ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(loadDay);
        Instant asOf = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
        TreeSet<String> derived = new TreeSet<>();
        for (Insight insight : demoInsights(today, asOf)) {
            derived.add(describe(insight));
        }
        assertThat(derived).containsAll(documented());
    }

    /** The README's list: the lines between the markers, each "- `Type` key detail". */
    static List<String> documented() throws Exception {
        String readme = Files.readString(README);
        String list = readme.substring(readme.indexOf("<!-- demo-insights -->"), readme.indexOf("<!-- /demo-insights -->"));
        List<String> lines = new ArrayList<>();
        for (String line : list.split("\n")) {
            if (line.startsWith("- `")) {
                lines.add(line.substring(2).replace("`", "").replaceAll(":.*$", "").trim());
            }
        }
        assertThat(lines).as("the documented list").isNotEmpty();
        return lines;
    }

    /** "Type key detail", as the README lists it. */
    static String describe(Insight insight) {
        Map<String, Object> p = insight.payload();
        String detail = switch (insight.type()) {
            case MajorCustomerThresholdCrossed -> p.get("direction") + " by " + p.get("by");
            case ConcentrationLevelChanged -> "by " + p.get("by") + " " + p.get("from") + " to " + p.get("to");
            case MarginPressureFlagRaised, MarginPressureFlagCleared -> String.valueOf(p.get("flag"));
            case HealthBandChanged, StageChanged -> p.get("from") + " to " + p.get("to");
            default -> "";
        };
        return (insight.type() + " " + insight.key() + " " + detail).trim();
    }

    /** What the first pass after the baseline (an empty portfolio) derives from the demo portfolio. */
    static List<Insight> demoInsights(LocalDate today, Instant asOf) {
        Map<String, List<RecordedFact>> histories = new LinkedHashMap<>();
        for (PlannedEvent e : DemoPortfolio.generate(DemoPortfolio.DEFAULT_SEED, today)) {
            String source = e.service() == PlannedEvent.Service.ACCOUNT ? "/kam-platform/account-service"
                    : "/kam-platform/relationship-service";
            histories.computeIfAbsent(e.accountId(), id -> new ArrayList<>())
                    .add(new RecordedFact(e.eventId(), source, e.type(), e.accountId(), e.occurredAt(), e.data()));
        }
        AccountAssessor assessor = new AccountAssessor(new ObjectMapper(), HealthModel.defaults());
        AccountSummarizer summarizer = new AccountSummarizer(assessor);
        List<AccountSummary> summaries = new ArrayList<>();
        Map<String, Long> versions = new HashMap<>();
        Map<String, List<Cause>> causes = new HashMap<>();
        histories.forEach((id, history) -> {
            summaries.add(summarizer.summarize(id, history, asOf));
            versions.put(id, (long) history.size());
            causes.put(id, history.stream().map(f -> new Cause(f.eventId(), f.type())).toList());
        });
        InsightAssessment assessment = InsightAssessment.of(summaries, versions, asOf, DependencyRules.defaults());
        List<Insight> insights = new ArrayList<>();
        assessment.accounts().values().forEach(a -> insights.addAll(InsightRules.account(a, AccountConclusions.NOTHING,
                causes.get(a.accountId()), "kam-health-1", asOf, asOf.atOffset(ZoneOffset.UTC).toLocalDate())));
        // The baseline: the empty portfolio, as migration V7 records it (and as the pass would conclude it).
        PortfolioConclusions empty = InsightAssessment.of(List.of(), Map.of(), asOf, DependencyRules.defaults()).portfolio()
                .conclusions();
        assertThat(empty).isEqualTo(new PortfolioConclusions(List.of(), List.of(), "NO_REVENUE", "NO_REVENUE"));
        insights.addAll(InsightRules.portfolio(assessment.portfolio(), empty, assessment.accounts(), causes, asOf,
                asOf.atOffset(ZoneOffset.UTC).toLocalDate()));
        return insights;
    }
}
