package io.kamplatform.reporting.domain.dependency;

import java.math.BigDecimal;

/** One point of the Pareto curve: the customer at {@code rank} and the cumulative share of the top {@code rank}. */
public record ParetoPoint(int rank, String customerId, BigDecimal sharePct, BigDecimal cumulativeSharePct) {
}
