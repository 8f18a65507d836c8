package io.kamplatform.account.domain;

/** The key account manager responsible for the account. */
public record KeyAccountManager(String managerId, String name) {
}
