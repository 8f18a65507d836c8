package io.kamplatform.reporting.domain.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/**
 * The annual and list value a contract carried from one step on (signing, each renewal, each amendment), so the
 * discount at every renegotiation can be compared with the one before.
 */
public record ContractTerms(Step step, Money annualValue, Money listValue, Instant recordedAt, String eventId) {

    public enum Step {
        SIGNED("signing"), RENEWED("renewal"), AMENDED("amendment");

        private final String noun;

        Step(String noun) {
            this.noun = noun;
        }

        /** The step as a noun, for sentences: "at the renewal of K1". */
        public String noun() {
            return noun;
        }
    }

    /** Discount in percent = (1 − annual / list) × 100; null when list is not positive or currencies differ. */
    public BigDecimal discountPct(MathContext mc) {
        if (!annualValue.sameCurrency(listValue) || listValue.amount().signum() <= 0) {
            return null;
        }
        return listValue.amount().subtract(annualValue.amount()).multiply(BigDecimal.valueOf(100))
                .divide(listValue.amount(), mc);
    }
}
