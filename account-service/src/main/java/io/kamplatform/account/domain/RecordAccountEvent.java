package io.kamplatform.account.domain;

import java.time.Instant;

/**
 * The command a CRM integration sends: record this fact about this account.
 *
 * @param parentRegistered whether the named parent account exists; looked up by the caller so the
 *                         decision stays a pure function
 */
public record RecordAccountEvent(String accountId, AccountEvent event, Instant occurredAt, boolean parentRegistered) {
}
