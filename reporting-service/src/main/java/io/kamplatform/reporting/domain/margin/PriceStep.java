package io.kamplatform.reporting.domain.margin;

import io.kamplatform.reporting.domain.Decimals;

import java.math.BigDecimal;

/**
 * A renegotiation seen as a price move against list. Discounts are in percent of list, negative for a premium (a
 * price above list, realisation > 100%). {@code changePp} > 0 means the price fell relative to list (price erosion),
 * whether a discount deepened, a premium narrowed, or a premium turned into a discount.
 */
final class PriceStep {

    private PriceStep() {
    }

    /** The price fell relative to list at this step. */
    static boolean eroded(DiscountChange change) {
        return change != null && change.changePp() != null && change.changePp().signum() > 0;
    }

    /** The customer pays less than list after this step: only then can a price move be status abuse. */
    static boolean belowListAfter(DiscountChange change) {
        return change.discountAfterPct() != null && change.discountAfterPct().signum() > 0;
    }

    /** The move in words, e.g. "Discount deepened by 8 pp at the renewal of K1 on 2026-01-10". */
    static String words(DiscountChange c) {
        BigDecimal before = c.discountBeforePct();
        BigDecimal after = c.discountAfterPct();
        String where = " at the " + c.step().noun() + " of " + c.contractId() + " on " + c.on();
        if (before.signum() >= 0) {
            return "Discount deepened by " + Decimals.plain(c.changePp()) + " pp" + where;
        }
        if (after.signum() > 0) {
            return "Price moved from " + premium(before) + " to a " + Decimals.plain(after) + "% discount" + where;
        }
        return "Premium narrowed by " + Decimals.plain(c.changePp()) + " pp (from " + (after.signum() == 0
                ? premium(before) + " to list price" : Decimals.plain(before.negate()) + "% to " + premium(after))
                + ")" + where;
    }

    private static String premium(BigDecimal discount) {
        return Decimals.plain(discount.negate()) + "% above list";
    }
}
