package io.kamplatform.reporting.domain.dependency;

import java.math.BigDecimal;
import java.util.List;

/** A customer with zero or negative trailing-12-month revenue: left out of shares, kept visible. */
public record ExcludedCustomer(String customerId, List<String> memberAccountIds, BigDecimal revenue) {
}
