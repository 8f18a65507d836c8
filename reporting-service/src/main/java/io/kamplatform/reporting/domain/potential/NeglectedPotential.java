package io.kamplatform.reporting.domain.potential;

import io.kamplatform.reporting.domain.facts.MonthWindow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Neglected potential at {@code asOf}: {@code threshold} is the 75th percentile (nearest rank) of the
 * {@code accountsWithPotential} positive potentials in {@code currency}; null when no account has one.
 */
public record NeglectedPotential(Instant asOf, MonthWindow window, String currency, int accountsWithPotential,
        BigDecimal threshold, List<NeglectedAccount> accounts, List<String> notes) {

    /** This list with other accounts (a page of it); the threshold stays the portfolio's. */
    public NeglectedPotential withAccounts(List<NeglectedAccount> page) {
        return new NeglectedPotential(asOf, window, currency, accountsWithPotential, threshold, page, notes);
    }
}
