package io.kamplatform.reporting.insight;

import io.kamplatform.reporting.domain.dependency.CustomerShare;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The portfolio as a pass sees it: its conclusions and the figures behind them, the customers by id on either basis
 * (account, group) with their shares, and the HHI and effective number of customers on either basis.
 */
public record PortfolioAssessed(PortfolioConclusions conclusions, Map<String, CustomerShare> byAccount,
                                Map<String, CustomerShare> byGroup, BigDecimal hhiByAccount, BigDecimal hhiByGroup,
                                BigDecimal effectiveCustomersByAccount, BigDecimal effectiveCustomersByGroup) {
}
