package io.kamplatform.account.store;

import io.kamplatform.account.domain.plan.PlanEvent;

/**
 * The streams of account-service: an account's own stream is its id; all plans of the account form the stream
 * {@code plans/<accountId>} ('/' is not an id character, so the two never collide). Both carry the account id as
 * subject and Kafka key, so a consumer sees an account's plan facts in order with its key-account status.
 */
public final class AccountStreams {

    static final String PLANS = "plans/";

    private AccountStreams() {
    }

    /** The stream an event of the account goes to. */
    public static String of(String accountId, Object event) {
        return event instanceof PlanEvent ? plansOf(accountId) : accountId;
    }

    public static String plansOf(String accountId) {
        return PLANS + accountId;
    }
}
