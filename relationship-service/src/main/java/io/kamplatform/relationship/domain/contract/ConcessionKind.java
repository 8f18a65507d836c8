package io.kamplatform.relationship.domain.contract;

/** What the supplier gave up beyond the contract: the stuff of margin pressure when key accounts abuse their status. */
public enum ConcessionKind {
    EXTRA_DISCOUNT, REBATE, FREE_SERVICE, PAYMENT_TERMS, EXPEDITED_DELIVERY
}
