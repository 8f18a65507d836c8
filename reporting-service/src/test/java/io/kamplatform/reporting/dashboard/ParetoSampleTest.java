package io.kamplatform.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.domain.dependency.CustomerBasis;
import io.kamplatform.reporting.domain.dependency.CustomerShare;
import io.kamplatform.reporting.domain.dependency.DependencyInput;
import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.dependency.DependencyRiskCalculator;
import io.kamplatform.reporting.domain.dependency.DependencyRules;
import io.kamplatform.reporting.domain.dependency.ParetoPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A 16,000-customer portfolio's Pareto curve is plotted from at most 500 of its own points, the telling ones kept. */
class ParetoSampleTest {

    static final Instant AS_OF = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aLargeCurveIsThinnedToItsOwnPointsKeepingHeadCrossingMajorsAndTail() {
        DependencyRisk risk = portfolio(16_000);
        assertThat(risk.customerCount()).isEqualTo(16_000);
        assertThat(risk.majorCustomerIds()).hasSize(2);

        List<ParetoPoint> plotted = ParetoSample.of(risk);

        assertThat(plotted).hasSizeLessThanOrEqualTo(ParetoSample.MAX_POINTS).hasSizeGreaterThan(400);
        assertThat(risk.pareto()).containsAll(plotted); // exact points of the report, none moved or made up
        assertThat(plotted).isSortedAccordingTo((a, b) -> Integer.compare(a.rank(), b.rank()));
        List<Integer> ranks = plotted.stream().map(ParetoPoint::rank).toList();
        assertThat(ranks).containsAll(IntStream.rangeClosed(1, ParetoSample.HEAD).boxed().toList());
        assertThat(ranks).contains(risk.n80(), risk.n80() - 1, 16_000);
        risk.customers().stream().filter(CustomerShare::major).forEach(c -> assertThat(ranks).contains(c.rank()));
        // The 80% crossing is drawn where it is: N80's point at or over 80%, the one before under it (80.00 rounded).
        ParetoPoint n80 = plotted.get(ranks.indexOf(risk.n80()));
        assertThat(n80.cumulativeSharePct()).isGreaterThanOrEqualTo(new BigDecimal("80"));
        assertThat(plotted.get(ranks.indexOf(risk.n80()) - 1).cumulativeSharePct()).isLessThanOrEqualTo(new BigDecimal("80"));
        assertThat(plotted.get(plotted.size() - 1).cumulativeSharePct()).isEqualByComparingTo("100");
        // The tail is spread evenly: no gap is much wider than an even share of the ranks after the head.
        int widest = IntStream.range(1, ranks.size()).map(i -> ranks.get(i) - ranks.get(i - 1)).max().orElseThrow();
        assertThat(widest).isLessThanOrEqualTo(2 * (16_000 - ParetoSample.HEAD) / (ParetoSample.MAX_POINTS - ParetoSample.HEAD));
    }

    @Test
    void aSmallCurveIsPlottedWhole() {
        DependencyRisk risk = portfolio(ParetoSample.MAX_POINTS);
        assertThat(ParetoSample.of(risk)).isEqualTo(risk.pareto());
    }

    /** Two customers above 10%, the rest on a long tail falling with rank (Zipf-like). */
    private static DependencyRisk portfolio(int customers) {
        List<DependencyInput> inputs = new ArrayList<>();
        for (int i = 1; i <= customers; i++) {
            long revenue = i <= 2 ? 300_000_000L / (i + 1) : 50_000_000L / i + 1_000;
            inputs.add(new DependencyInput("C" + i, null, "EUR", BigDecimal.valueOf(revenue), List.of()));
        }
        return DependencyRiskCalculator.assessInputs(inputs, AS_OF, Map.of(),
                DependencyRules.defaults().withBy(CustomerBasis.ACCOUNT));
    }
}
