package io.kamplatform.reporting.domain.margin;

/** Ranking filters: key accounts only, a minimum score (null: any), a flag that must be raised (null: any). */
public record MarginPressureFilter(boolean keyAccountsOnly, Integer minScore, PressureFlag flag) {

    public static final MarginPressureFilter ALL = new MarginPressureFilter(false, null, null);

    public boolean accepts(MarginPressure p) {
        return (!keyAccountsOnly || p.keyAccount())
                && (minScore == null || p.score() >= minScore)
                && (flag == null || (flag == PressureFlag.SQUEEZE ? p.squeeze() : p.statusAbuse()));
    }
}
