package io.kamplatform.relationship.domain.contract;

/**
 * Where a contract stands. ACTIVE means signed and not terminated, whatever the dates say: a contract that ran past
 * its end date without renewal is still ACTIVE (lapsed), so it can be renewed late or terminated; reports read the
 * dates to tell a current contract from a lapsed one.
 */
public enum ContractStatus {
    NONE, ACTIVE, TERMINATED
}
