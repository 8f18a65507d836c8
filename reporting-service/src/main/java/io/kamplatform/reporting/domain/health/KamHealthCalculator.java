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
 * KAM health of one account: H = Σ wᵢsᵢ / Σ wᵢ over the factors with data (factor scores to one decimal), rounded
 * half-up to an integer; null when no factor has data. An open CRITICAL service request past its SLA, or an open
 * CRITICAL complaint older than {@link HealthModel#criticalComplaintHours()} (complaints carry no SLA), forces RED.
 * Top drivers: the forced-RED reasons first, then up to three factor drivers by points lost, wᵢ × (100 − sᵢ).
 */
public final class KamHealthCalculator {

    static final int MAX_FACTOR_DRIVERS = 3;

    private KamHealthCalculator() {
    }

    public static KamHealth assess(AccountFacts facts, Instant asOf, HealthModel model) {
        List<Assessed> assessed = List.of(
                DmuCoverageFactor.assess(facts, asOf, model),
                EngagementFactor.assess(facts, asOf, model),
                ServiceFactor.assess(facts, asOf, model),
                CommercialFactor.assess(facts, asOf, model),
                ContractFactor.assess(facts, asOf, model));
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
        Band band = !overrides.isEmpty() ? Band.RED : score == null ? null : model.bandOf(score);

        List<String> drivers = new ArrayList<>(overrides);
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
