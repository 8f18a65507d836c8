package io.kamplatform.reporting.domain.margin;

import io.kamplatform.reporting.domain.facts.ContractTerms;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The discount (1 − annual / list, in percent) before and after one renewal or amendment; {@code changePp} > 0
 * means the discount deepened by that many percentage points. Null discounts: list value not positive.
 */
public record DiscountChange(String contractId, ContractTerms.Step step, LocalDate on, BigDecimal discountBeforePct,
        BigDecimal discountAfterPct, BigDecimal changePp, String eventId) {
}
