package io.kamplatform.reporting.api;

import io.kamplatform.reporting.application.AccountAssessment;
import io.kamplatform.reporting.domain.facts.Manager;
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

    static PortfolioEntry of(AccountAssessment a, boolean dataComplete) {
        Manager manager = a.facts().manager();
        return new PortfolioEntry(a.facts().accountId(), a.facts().profile().name(),
                manager == null ? null : manager.managerId(), manager == null ? null : manager.name(),
                a.health().score(), a.health().band() == null ? null : a.health().band().name(), a.health().forcedRed(),
                a.stage().stage().name(), a.trend().deltaVs30Days(), a.health().dataCoveragePct(),
                a.health().topDrivers().isEmpty() ? null : a.health().topDrivers().get(0), dataComplete);
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
