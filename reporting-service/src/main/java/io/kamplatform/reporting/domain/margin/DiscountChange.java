package io.kamplatform.reporting.domain.margin;

import io.kamplatform.reporting.domain.facts.ContractTerms;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The discount (1 − annual / list, in percent) before and after one renewal or amendment; negative for a price above
 * list (a premium: −5 = 5% above list). {@code changePp} = after − before: > 0 means the price fell relative to list by
 * that many percentage points (a deeper discount or a narrower premium). Null discounts: list value not positive.
 */
public record DiscountChange(String contractId, ContractTerms.Step step, LocalDate on, BigDecimal discountBeforePct,
        BigDecimal discountAfterPct, BigDecimal changePp, String eventId) {
}
