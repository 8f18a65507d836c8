package io.kamplatform.relationship.domain.contract;

import java.time.Instant;

/**
 * The command a CRM integration sends: record this fact about a contract of this account. The stream id is the
 * event's {@link ContractEvent#contractId()}. Whether the account is known to account-service is checked by the
 * caller, so the decider assumes it.
 */
public record RecordContractEvent(String accountId, ContractEvent event, Instant occurredAt) {
}
