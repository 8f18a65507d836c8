package io.kamplatform.reporting.api;

import io.kamplatform.reporting.application.KeyAccountView;
import java.math.BigDecimal;

/** One key account in a portfolio view; {@code dataComplete} false: its account reports list missing events. */
public record PortfolioEntry(
        String accountId,
        String name,
        String managerId,
        String managerName,
        Integer score,
        String band,
        boolean criticalOverride,
        String stage,
        Integer deltaVs30Days,
        BigDecimal dataCoveragePct,
        String topDriver,
        boolean dataComplete) {

    static PortfolioEntry of(KeyAccountView a, boolean dataComplete) {
        return new PortfolioEntry(a.accountId(), a.name(), a.managerId(), a.managerName(), a.score(), a.band(),
                a.forcedRed(), a.stage(), a.deltaVs30Days(), a.dataCoveragePct(), a.topDriver(), dataComplete);
    }

    /** The order {@code sort} names: worst, best (worst reversed), accountId or name (then accountId). */
    static java.util.Comparator<PortfolioEntry> order(String sort) {
        java.util.Comparator<PortfolioEntry> worst = PortfolioEntry::worstFirst;
        return switch (sort) {
            case "best" -> worst.reversed();
            case "accountId" -> java.util.Comparator.comparing(PortfolioEntry::accountId);
            case "name" -> java.util.Comparator.comparing((PortfolioEntry e) -> e.name() == null ? "" : e.name())
                    .thenComparing(PortfolioEntry::accountId);
            default -> worst;
        };
    }

    /** Worst first: forced red, then lowest score; accounts without a score after the scored ones. */
    static int worstFirst(PortfolioEntry a, PortfolioEntry b) {
        if (a.criticalOverride != b.criticalOverride) {
            return a.criticalOverride ? -1 : 1;
        }
        if (a.score == null || b.score == null) {
            return a.score == null ? (b.score == null ? a.accountId.compareTo(b.accountId) : 1) : -1;
        }
        int byScore = Integer.compare(a.score, b.score);
        return byScore != 0 ? byScore : a.accountId.compareTo(b.accountId);
    }
}
