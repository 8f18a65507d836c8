package io.kamplatform.reporting.domain.facts;

/**
 * ACTIVE = signed and not terminated, whatever the dates say (a contract past its end date is ACTIVE but lapsed, as
 * the producer defines it); reports read the dates to tell current from lapsed.
 */
public enum ContractStatus {
    ACTIVE, TERMINATED
}
