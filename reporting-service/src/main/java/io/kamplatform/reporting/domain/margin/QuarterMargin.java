package io.kamplatform.reporting.domain.margin;

import java.math.BigDecimal;

/** Revenue, cost of sales and gross margin % of one calendar quarter (margin null when revenue ≤ 0). */
public record QuarterMargin(String quarter, BigDecimal revenue, BigDecimal costOfSales, BigDecimal grossMarginPct) {
}
