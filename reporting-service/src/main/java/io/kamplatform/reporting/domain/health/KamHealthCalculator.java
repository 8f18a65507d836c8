package io.kamplatform.reporting.domain.health;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.Complaint;
import io.kamplatform.reporting.domain.facts.ServiceRequest;
import io.kamplatform.reporting.domain.facts.Severity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * KAM health of one account: H = Σ wᵢsᵢ / Σ wᵢ over the model's factors with data (factor scores to one decimal),
 * rounded half-up to an integer; null when no factor has data. The band needs the model's minimum data coverage. An open CRITICAL service request past its SLA, or an open
 * CRITICAL complaint older than {@link HealthModel#criticalComplaintHours()} (complaints carry no SLA), forces RED.
 * Top drivers: the forced-RED reasons first, then up to three factor drivers by points lost, wᵢ × (100 − sᵢ).
 */
public final class KamHealthCalculator {

    static final int MAX_FACTOR_DRIVERS = 3;

    private KamHealthCalculator() {
    }

    public static KamHealth assess(AccountFacts facts, Instant asOf, HealthModel model) {
        List<Assessed> assessed = model.factors().stream().map(f -> f.assess(facts, asOf, model)).toList();
        List<FactorScore> factors = assessed.stream().map(Assessed::score).toList();

        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weightWithData = BigDecimal.ZERO;
        BigDecimal weightTotal = BigDecimal.ZERO;
        for (FactorScore f : factors) {
            BigDecimal w = BigDecimal.valueOf(f.weight());
            weightTotal = weightTotal.add(w);
            if (f.hasData()) {
                weightWithData = weightWithData.add(w);
                weighted = weighted.add(w.multiply(f.score()));
            }
        }
        Integer score = weightWithData.signum() == 0 ? null
                : weighted.divide(weightWithData, Scores.MC).setScale(0, RoundingMode.HALF_UP).intValueExact();
        BigDecimal coverage = weightTotal.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : Scores.oneDecimal(weightWithData.multiply(Scores.HUNDRED).divide(weightTotal, Scores.MC));

        List<String> overrides = criticalOverrides(facts, asOf, model);
        boolean covered = coverage.compareTo(BigDecimal.valueOf(model.minCoveragePct())) >= 0;
        Band band = !overrides.isEmpty() ? Band.RED : score == null || !covered ? null : model.bandOf(score);

        List<String> drivers = new ArrayList<>(overrides);
        if (score != null && !covered && overrides.isEmpty()) {
            drivers.add("Insufficient data: factors with data carry " + Scores.plain(coverage) + "% of the weight, "
                    + model.version() + " bands from " + model.minCoveragePct() + "%");
        }
        assessed.stream()
                .filter(a -> a.driver() != null && a.score().hasData())
                .sorted(Comparator.comparing(KamHealthCalculator::pointsLost).reversed())
                .limit(MAX_FACTOR_DRIVERS)
                .forEach(a -> drivers.add(a.driver()));
        List<String> stale = factors.stream().filter(FactorScore::stale).map(FactorScore::name).toList();
        return new KamHealth(facts.accountId(), asOf, score, band, factors, coverage, stale, List.copyOf(overrides),
                List.copyOf(drivers), model.version());
    }

    private static BigDecimal pointsLost(Assessed a) {
        return BigDecimal.valueOf(a.score().weight()).multiply(Scores.HUNDRED.subtract(a.score().score()));
    }

    private static List<String> criticalOverrides(AccountFacts facts, Instant asOf, HealthModel model) {
        List<String> reasons = new ArrayList<>();
        Duration complaintWindow = Duration.ofHours(model.criticalComplaintHours());
        for (Complaint c : facts.complaints().values()) {
            if (c.isOpen() && c.severity() == Severity.CRITICAL && asOf.isAfter(c.raisedAt().plus(complaintWindow))) {
                reasons.add("Forced RED: critical complaint " + c.complaintId() + " open for more than "
                        + model.criticalComplaintHours() + " h");
            }
        }
        for (ServiceRequest r : facts.serviceRequests().values()) {
            if (r.severity() == Severity.CRITICAL && r.isOverdue(asOf)) {
                reasons.add("Forced RED: critical service request " + r.requestId() + " open past its "
                        + r.slaHours() + " h SLA");
            }
        }
        return reasons;
    }
}
