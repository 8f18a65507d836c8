package io.kamplatform.reporting.domain.health;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.margin.MarginInputs;
import io.kamplatform.reporting.domain.margin.MarginPressureCalculator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Margin health (kam-health-2's lesson from margin pressure: a relationship that grows by giving margin away is not
 * healthy) = mean of the sub-scores with data, from the same margin inputs as the margin-pressure report (the last 4
 * complete quarters at asOf):
 * Margin trend: least-squares slope s of the quarterly gross margin %, s &ge; 0 → 100, s &le; −5 pp a quarter → 0,
 * linear between (the point at which margin pressure's "margin decline" driver is at its maximum).
 * Concessions: c = concessions as % of revenue, c &le; 0 → 100, c &ge; 10% → 0, linear between (likewise).
 * No slope (fewer than 2 quarters with revenue) and no concession share (no revenue) = no data.
 */
final class MarginHealthFactor {

    static final BigDecimal SLOPE_ZERO_AT = new BigDecimal("-5");
    static final BigDecimal CONCESSIONS_ZERO_AT = BigDecimal.TEN;

    private MarginHealthFactor() {
    }

    static Assessed assess(AccountFacts facts, Instant asOf, HealthModel model) {
        HealthFactor factor = HealthFactor.MARGIN_HEALTH;
        MarginInputs margin = MarginPressureCalculator.inputs(facts, asOf);
        if (margin.slope() == null && margin.concessionsPct() == null) {
            return Assessed.noData(factor, model, "No revenue in the last 4 complete quarters: no margin trend.");
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<BigDecimal> subScores = new ArrayList<>();
        String driver = null;
        BigDecimal worst = Scores.HUNDRED;
        if (margin.slope() != null) {
            BigDecimal trend = Scores.linear(margin.slope(), SLOPE_ZERO_AT, BigDecimal.ZERO);
            inputs.put("marginSlopePpPerQuarter", Scores.oneDecimal(margin.slope()));
            inputs.put("trendScore", Scores.oneDecimal(trend));
            subScores.add(trend);
            if (trend.compareTo(Scores.HUNDRED) < 0) {
                driver = "Gross margin falling " + Scores.plain(Scores.oneDecimal(margin.slope().negate()))
                        + " pp a quarter";
                worst = trend;
            }
        }
        if (margin.concessionsPct() != null) {
            BigDecimal concessions = Scores.linear(margin.concessionsPct(), CONCESSIONS_ZERO_AT, BigDecimal.ZERO);
            inputs.put("concessionsPctOfRevenue", Scores.oneDecimal(margin.concessionsPct()));
            inputs.put("concessionsScore", Scores.oneDecimal(concessions));
            subScores.add(concessions);
            if (concessions.compareTo(worst) < 0) {
                driver = "Concessions " + Scores.plain(Scores.oneDecimal(margin.concessionsPct())) + "% of revenue";
            }
        }
        BigDecimal score = Scores.oneDecimal(subScores.size() == 1 ? subScores.get(0)
                : Scores.mean(subScores.get(0), subScores.get(1)));
        String explanation = "Margin health " + Scores.plain(score) + " from the margin trend and concessions of the "
                + "last 4 complete quarters" + (driver == null ? "." : ": " + driver + ".");
        return new Assessed(new FactorScore(factor.label(), score, model.weight(factor), inputs,
                margin.concessionEventIds(), false, explanation), driver);
    }
}
