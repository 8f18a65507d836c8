package io.kamplatform.reporting.domain.margin;

import io.kamplatform.reporting.domain.facts.ContractTerms;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The discount (1 − annual / list, in percent) before and after one renewal or amendment; negative for a price above
 * list (a premium: −5 = 5% above list). {@code changePp} = after − before: > 0 means the price fell relative to list by
 * that many percentage points (a deeper discount or a narrower premium). Null discounts: list value not positive.
 */
public record DiscountChange(String contractId, ContractTerms.Step step, LocalDate on,
        @Schema(description = "Percent of list; negative = a premium (price above list)") BigDecimal discountBeforePct,
        @Schema(description = "Percent of list; negative = a premium (price above list)") BigDecimal discountAfterPct,
        @Schema(description = "After - before, percentage points; > 0: the price fell relative to list (a deeper "
                + "discount or a narrower premium)") BigDecimal changePp,
        String eventId) {
}
