package io.kamplatform.reporting.domain.health;

import io.kamplatform.reporting.domain.facts.MonthWindow;

import java.time.Duration;
import java.time.Instant;

/**
 * The periods a health score and the relationship stage look at, as of asOf, so a report states them. Day windows
 * are the N × 24 h up to asOf ({@code from <= occurredAt <= asOf}; for a date asOf, the N whole UTC days ending with
 * it): 90 days for DMU coverage, engagement cadence and losses, 365 days for SLA attainment and contacts met.
 * Month windows count only months complete at asOf: momentum compares the last 3 with the 3 before, penetration uses
 * the last 12. The trend compares with asOf − 30 days and asOf − 90 days.
 */
public record HealthWindows(Instant asOf, Instant last90DaysFrom, Instant last365DaysFrom,
        MonthWindow trailing3Months, MonthWindow previous3Months, MonthWindow trailing12Months) {

    public static HealthWindows of(Instant asOf) {
        MonthWindow t3 = MonthWindow.trailing(asOf, 3);
        MonthWindow p3 = new MonthWindow(t3.from().minusMonths(3), t3.from().minusMonths(1));
        return new HealthWindows(asOf, asOf.minus(Duration.ofDays(90)), asOf.minus(Duration.ofDays(365)), t3, p3,
                MonthWindow.trailing(asOf, 12));
    }
}
