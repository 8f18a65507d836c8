package io.kamplatform.reporting.dashboard;

import io.kamplatform.reporting.application.PortfolioReadModel.ReadModelStatus;

/**
 * What a portfolio page's figures were read from: the accounts' summaries in the read model, how many of them the view
 * had to compute itself (a point in time asked for the first time, or summaries behind their latest events) and how
 * many are still catching up (their figures a little behind). Summed over the reports a page asks for.
 */
public record Freshness(String mode, int accounts, int computedNow, int pending) {

    static Freshness of(ReadModelStatus first, ReadModelStatus... more) {
        int computed = first.accountsComputedNow();
        int pending = first.accountsPending();
        for (ReadModelStatus s : more) {
            computed += s.accountsComputedNow();
            pending = Math.max(pending, s.accountsPending());
        }
        return new Freshness(first.mode(), first.accounts(), computed, pending);
    }
}
