package io.kamplatform.reporting.domain.dependency;

import java.math.BigDecimal;
import java.util.List;

/**
 * "What if this customer left": the figures before and after the customer that {@code requestedId} belongs to in the
 * {@code by} view leaves (by ACCOUNT the account alone, e.g. one subsidiary; by GROUP its whole group), and the
 * changes (after − before; null where either side has no figure).
 */
public record DependencyStressTest(String requestedId, CustomerBasis by, String leavingCustomerId,
        List<String> leavingAccountIds, BigDecimal leavingRevenue, DependencyRisk before, DependencyRisk after,
        BigDecimal totalRevenueChange, BigDecimal hhiChange, BigDecimal effectiveCustomersChange,
        BigDecimal top1SharePctChange, BigDecimal top20PctSharePctChange, Integer n80Change,
        BigDecimal revenueAtRiskChange, BigDecimal revenueWithUnknownRiskChange, boolean concentrationChanged,
        List<String> summary) {

    /** This stress test with {@code before} and {@code after} replaced (their lists paged); the changes stay. */
    public DependencyStressTest with(DependencyRisk newBefore, DependencyRisk newAfter) {
        return new DependencyStressTest(requestedId, by, leavingCustomerId, leavingAccountIds, leavingRevenue, newBefore,
                newAfter, totalRevenueChange, hhiChange, effectiveCustomersChange, top1SharePctChange,
                top20PctSharePctChange, n80Change, revenueAtRiskChange, revenueWithUnknownRiskChange,
                concentrationChanged, summary);
    }
}
