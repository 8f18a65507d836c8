package io.kamplatform.reporting.domain.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One account's health under two models (a base, e.g. the model in use, and a candidate): both scores and bands, how
 * the band changed and the factor that moved the score most. A factor's points in a model are its share of that
 * model's score, wᵢsᵢ / Σ wⱼ over the factors with data (0 when the model lacks it or it has no data), so the points
 * of a model add up to its unrounded score; the factor that moved it is the one whose points changed most (the first
 * in the reports' factor order on a tie).
 */
public record ModelComparison(String accountId, Side base, Side candidate, Change change, Integer scoreDelta,
                              FactorShift movedBy) {

    public enum Change { NONE, BETTER, WORSE, LOST_BAND, GAINED_BAND }

    /** A model's verdict on the account. */
    public record Side(String model, Integer score, Band band, BigDecimal dataCoveragePct) {
    }

    /** The factor whose points moved most: its points under each model, rounded to 0.1, and the shift. */
    public record FactorShift(String factor, BigDecimal basePoints, BigDecimal candidatePoints, BigDecimal shift) {
    }

    public static ModelComparison of(KamHealth base, KamHealth candidate) {
        Integer delta = base.score() == null || candidate.score() == null ? null : candidate.score() - base.score();
        return new ModelComparison(base.accountId(), side(base), side(candidate), change(base.band(), candidate.band()),
                delta, movedBy(base, candidate));
    }

    /** The band change; RED &lt; AMBER &lt; GREEN. */
    static Change change(Band from, Band to) {
        if (from == to) {
            return Change.NONE;
        }
        if (to == null) {
            return Change.LOST_BAND;
        }
        if (from == null) {
            return Change.GAINED_BAND;
        }
        return rank(to) > rank(from) ? Change.BETTER : Change.WORSE;
    }

    private static int rank(Band band) {
        return switch (band) {
            case RED -> 0;
            case AMBER -> 1;
            case GREEN -> 2;
        };
    }

    private static Side side(KamHealth h) {
        return new Side(h.modelVersion(), h.score(), h.band(), h.dataCoveragePct());
    }

    private static FactorShift movedBy(KamHealth base, KamHealth candidate) {
        Map<String, BigDecimal> before = points(base);
        Map<String, BigDecimal> after = points(candidate);
        FactorShift most = null;
        BigDecimal mostAbs = BigDecimal.ZERO;
        for (HealthFactor factor : HealthFactor.values()) {
            BigDecimal b = before.getOrDefault(factor.label(), BigDecimal.ZERO);
            BigDecimal a = after.getOrDefault(factor.label(), BigDecimal.ZERO);
            BigDecimal shift = a.subtract(b);
            if (shift.abs().compareTo(mostAbs) > 0) {
                mostAbs = shift.abs();
                most = new FactorShift(factor.label(), Scores.oneDecimal(b), Scores.oneDecimal(a), Scores.oneDecimal(shift));
            }
        }
        return most;
    }

    /** Each factor's points in the score: wᵢsᵢ / Σ wⱼ over the factors with data. */
    static Map<String, BigDecimal> points(KamHealth health) {
        BigDecimal weightWithData = BigDecimal.ZERO;
        for (FactorScore f : health.factors()) {
            if (f.hasData()) {
                weightWithData = weightWithData.add(BigDecimal.valueOf(f.weight()));
            }
        }
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        if (weightWithData.signum() == 0) {
            return points;
        }
        for (FactorScore f : health.factors()) {
            if (f.hasData()) {
                points.put(f.name(), BigDecimal.valueOf(f.weight()).multiply(f.score()).divide(weightWithData, Scores.MC));
            }
        }
        return points;
    }

    /** How many accounts changed band and how: the figures above the per-account list. */
    @Schema(description = "How many accounts the candidate model moves, and where to")
    public record Summary(int accounts, int bandChanged, int better, int worse, int lostBand, int gainedBand,
                          @Schema(description = "band transitions, e.g. \"GREEN->AMBER\": 3 (no band: NONE)")
                          Map<String, Integer> transitions,
                          @Schema(description = "mean of candidate − base score over the accounts scored by both, to 0.1")
                          BigDecimal meanScoreDelta) {

        public static Summary of(List<ModelComparison> comparisons) {
            int better = 0;
            int worse = 0;
            int lost = 0;
            int gained = 0;
            Map<String, Integer> transitions = new java.util.TreeMap<>();
            BigDecimal deltaSum = BigDecimal.ZERO;
            int scored = 0;
            for (ModelComparison c : comparisons) {
                switch (c.change()) {
                    case BETTER -> better++;
                    case WORSE -> worse++;
                    case LOST_BAND -> lost++;
                    case GAINED_BAND -> gained++;
                    case NONE -> { }
                }
                if (c.change() != Change.NONE) {
                    transitions.merge(name(c.base().band()) + "->" + name(c.candidate().band()), 1, Integer::sum);
                }
                if (c.scoreDelta() != null) {
                    deltaSum = deltaSum.add(BigDecimal.valueOf(c.scoreDelta()));
                    scored++;
                }
            }
            BigDecimal mean = scored == 0 ? null : deltaSum.divide(BigDecimal.valueOf(scored), 1, RoundingMode.HALF_UP);
            return new Summary(comparisons.size(), better + worse + lost + gained, better, worse, lost, gained,
                    transitions, mean);
        }

        private static String name(Band band) {
            return band == null ? "NONE" : band.name();
        }
    }

    /** Band changes first (worse, lost, better, gained), then the largest score change, then account id. */
    public static List<ModelComparison> ranked(List<ModelComparison> comparisons) {
        List<ModelComparison> sorted = new ArrayList<>(comparisons);
        sorted.sort(java.util.Comparator.comparingInt((ModelComparison c) -> switch (c.change()) {
                    case WORSE -> 0;
                    case LOST_BAND -> 1;
                    case BETTER -> 2;
                    case GAINED_BAND -> 3;
                    case NONE -> 4;
                })
                .thenComparing(c -> c.scoreDelta() == null ? 0 : -Math.abs(c.scoreDelta()))
                .thenComparing(ModelComparison::accountId));
        return sorted;
    }
}
