package io.kamplatform.relationship.domain.contract;

/**
 * Facts about one contract with an account, in the past tense, published on {@code kam.contract.events}. Every event
 * carries the contract id (its stream id) in its data, so consumers need no headers to know which contract it is.
 * The logical type name (not the Java class) is what is stored and published. Relationship facts are a separate
 * hierarchy ({@link io.kamplatform.relationship.domain.relationship.RelationshipEvent}) on their own topic.
 */
public sealed interface ContractEvent permits
        ContractSigned, ContractRenewed, ContractAmended, ContractTerminated, ConcessionGranted {

    String contractId();
}
