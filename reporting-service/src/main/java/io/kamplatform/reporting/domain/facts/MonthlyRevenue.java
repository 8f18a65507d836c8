package io.kamplatform.reporting.domain.facts;

import java.time.Instant;
import java.util.List;

/**
 * Revenue and cost of sales of one calendar month: the sum of its recognitions and corrections; {@code lastRecordedAt}
 * is when the newest of them happened (for staleness).
 */
public record MonthlyRevenue(Money revenue, Money costOfSales, Instant lastRecordedAt, List<String> eventIds) {

    MonthlyRevenue add(Money revenueDelta, Money costDelta, Instant at, String eventId) {
        return new MonthlyRevenue(revenue.plus(revenueDelta), costOfSales.plus(costDelta), at,
                Lists.append(eventIds, eventId));
    }
}
