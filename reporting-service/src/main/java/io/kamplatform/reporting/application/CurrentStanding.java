package io.kamplatform.reporting.application;

import java.time.Instant;

/**
 * How an account's current summary stands at an instant: the one rule the portfolio reports for now and the account
 * health report for now ({@link CurrentHealthReports}) both use to decide whether a stored current summary still answers.
 */
enum CurrentStanding {
    /** None yet, or one from another month window: it must be computed before it answers. */
    MISSING,
    /** A fact was projected for the account since, or it is older than current-max-age. */
    STALE,
    /** It answers for now. */
    HOLDS;

    /**
     * @param windowStart the first instant of now's month windows ({@link PortfolioReadModel#windowStart})
     * @param tooOld      now minus current-max-age
     */
    static CurrentStanding of(long accountVersion, Long summaryVersion, Instant summaryAsOf, Instant windowStart,
                              Instant tooOld) {
        if (summaryAsOf == null || summaryAsOf.isBefore(windowStart)) {
            return MISSING;
        }
        return summaryVersion == null || summaryVersion != accountVersion || summaryAsOf.isBefore(tooOld) ? STALE : HOLDS;
    }
}
