package io.kamplatform.account.domain.plan;

/**
 * Where an account stands when a plan fact arrives, read from the account's own stream by the caller so the plan
 * decision stays pure: only a key account gets a plan.
 */
public enum AccountStanding {
    NOT_REGISTERED, REGISTERED, KEY_ACCOUNT
}
