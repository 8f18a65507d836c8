package io.kamplatform.reporting.domain.health;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.Interaction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Engagement = mean of recency and cadence. Recency: days since the last two-way interaction, ≤ 30 → 100, ≥ 90 → 0,
 * linear between (to the second); none ever → 0. Cadence: two-way interactions in the 90 days to asOf (inclusive of
 * the day-90 instant) / expected cadence, capped at 100. Only two-way interactions count (as the producer defines
 * them). No interaction of any kind ever = no data.
 */
final class EngagementFactor {

    static final int WINDOW_DAYS = 90;
    static final BigDecimal FULL_WITHIN_DAYS = BigDecimal.valueOf(30);
    static final BigDecimal ZERO_FROM_DAYS = BigDecimal.valueOf(90);

    private EngagementFactor() {
    }

    static Assessed assess(AccountFacts facts, Instant asOf, HealthModel model) {
        HealthFactor factor = HealthFactor.ENGAGEMENT;
        if (facts.interactions().isEmpty()) {
            return Assessed.noData(factor, model, "No interactions recorded.");
        }
        Optional<Interaction> last = facts.lastTwoWayInteraction();
        BigDecimal days = last.map(i -> Scores.daysBetween(i.occurredAt(), asOf)).orElse(null);
        BigDecimal recency = days == null ? BigDecimal.ZERO : Scores.linear(days, ZERO_FROM_DAYS, FULL_WITHIN_DAYS);

        List<Interaction> recent = facts.twoWayInteractionsSince(asOf.minus(Duration.ofDays(WINDOW_DAYS)));
        int expected = model.expectedInteractionsPer90Days();
        BigDecimal cadence = Scores.clamp(Scores.ratio(BigDecimal.valueOf(recent.size() * 100L),
                BigDecimal.valueOf(expected)));
        BigDecimal score = Scores.oneDecimal(Scores.mean(recency, cadence));

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("daysSinceLastTwoWay", days == null ? "never" : Scores.oneDecimal(days));
        inputs.put("recencyScore", Scores.oneDecimal(recency));
        inputs.put("twoWayInteractionsIn90Days", recent.size());
        inputs.put("expectedPer90Days", expected);
        inputs.put("cadenceScore", Scores.oneDecimal(cadence));

        List<String> eventIds = new ArrayList<>();
        last.ifPresent(i -> eventIds.addAll(i.eventIds()));
        recent.stream().filter(i -> last.isEmpty() || i != last.get()).forEach(i -> eventIds.addAll(i.eventIds()));

        Instant newest = facts.interactions().values().stream().map(Interaction::occurredAt)
                .max(Comparator.naturalOrder()).orElse(null);
        boolean stale = Scores.olderThanDays(newest, asOf, model.staleAfterDays());

        String lastText = days == null ? "No two-way interaction ever recorded"
                : "Last two-way interaction " + Scores.plain(days.setScale(0, java.math.RoundingMode.FLOOR))
                        + " days ago";
        String cadenceText = recent.size() + " two-way interactions in " + WINDOW_DAYS + " days against "
                + expected + " expected";
        String explanation = lastText + " (recency " + Scores.oneDecimal(recency) + "); " + cadenceText
                + " (cadence " + Scores.oneDecimal(cadence) + ").";
        String driver = null;
        if (recency.compareTo(cadence) < 0) {
            driver = lastText;
        } else if (cadence.compareTo(Scores.HUNDRED) < 0) {
            driver = cadenceText;
        }
        return new Assessed(new FactorScore(factor.label(), score, model.weight(factor),
                Collections.unmodifiableMap(inputs), List.copyOf(eventIds), stale, explanation), driver);
    }
}
