package io.kamplatform.account.domain.plan;

import java.time.Instant;

/** The command: record this plan fact about this account, which stands so. */
public record RecordPlanEvent(String accountId, PlanEvent event, Instant occurredAt, AccountStanding standing) {
}
