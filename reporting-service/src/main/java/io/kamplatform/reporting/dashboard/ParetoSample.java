package io.kamplatform.reporting.dashboard;

import io.kamplatform.reporting.domain.dependency.CustomerShare;
import io.kamplatform.reporting.domain.dependency.DependencyRisk;
import io.kamplatform.reporting.domain.dependency.ParetoPoint;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The Pareto points a chart plots. At 16,000 customers the full curve is ~16,000 points: megabytes of chart option per
 * page and a slow draw, while a 1280 px chart cannot show more than a few hundred. Large curves are thinned to at most
 * {@link #MAX_POINTS} of their own points (no point is moved or interpolated; the figures beside the chart stay exact),
 * always keeping the steep head, the 80% crossing (N80 and the point before it), every major customer and the last
 * customer; the rest are spread evenly by rank.
 */
final class ParetoSample {

    static final int MAX_POINTS = 500;
    /** The first customers, where the curve rises fastest, are all plotted. */
    static final int HEAD = 100;

    private ParetoSample() {
    }

    /** What the chart's caption says when the curve is thinned; empty when every point is plotted. */
    static String note(DependencyRisk risk) {
        int all = risk.pareto().size();
        return all <= MAX_POINTS ? "" : "The curve is plotted from " + of(risk).size() + " of its " + all
                + " points (the first " + HEAD + ", the 80% crossing, every major customer and the last one); the"
                + " figures are exact. ";
    }

    static List<ParetoPoint> of(DependencyRisk risk) {
        List<ParetoPoint> curve = risk.pareto();
        if (curve.size() <= MAX_POINTS) {
            return curve;
        }
        SortedSet<Integer> kept = new TreeSet<>(); // indexes into curve (rank - 1)
        for (int i = 0; i < HEAD; i++) {
            kept.add(i);
        }
        if (risk.n80() != null) {
            kept.add(risk.n80() - 1);
            kept.add(Math.max(0, risk.n80() - 2));
        }
        risk.customers().stream().filter(CustomerShare::major).forEach(c -> kept.add(c.rank() - 1));
        int last = curve.size() - 1;
        kept.add(last);
        int spread = MAX_POINTS - kept.size();
        for (int k = 1; k <= spread; k++) {
            kept.add(HEAD + (int) ((long) k * (last - HEAD) / (spread + 1)));
        }
        return kept.stream().map(curve::get).toList();
    }
}
