package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.facts.Manager;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the portfolio-health and manager views show of one key account at asOf: identity and manager, score, band,
 * critical overrides, stage with its reasons, the 30-day trend, data coverage, stale factors and the top driver.
 */
public record KeyAccountView(String accountId, String name, String managerId, String managerName, Integer score,
        String band, boolean forcedRed, List<String> criticalOverrides, String stage, List<String> stageReasons,
        Integer deltaVs30Days, BigDecimal dataCoveragePct, List<String> staleFactors, String topDriver) {

    public static KeyAccountView of(AccountAssessment a) {
        Manager manager = a.facts().manager();
        return new KeyAccountView(a.facts().accountId(), a.facts().profile().name(),
                manager == null ? null : manager.managerId(), manager == null ? null : manager.name(),
                a.health().score(), a.health().band() == null ? null : a.health().band().name(), a.health().forcedRed(),
                a.health().criticalOverrides(), a.stage().stage().name(), a.stage().reasons(), a.trend().deltaVs30Days(),
                a.health().dataCoveragePct(), a.health().staleFactors(),
                a.health().topDrivers().isEmpty() ? null : a.health().topDrivers().get(0));
    }
}
