/**
 * One contract: one aggregate, one event stream, stream id = contract id, published on {@code kam.contract.events}.
 *
 * <p>Why each contract is its own stream: its invariants are all about itself (signed once, ends after it starts,
 * renewed only forward, list value at least the annual value, concession ids unique, only an active contract changes),
 * so no rule needs another contract or the account's relationship record. Separate streams let a contract be
 * renewed while interactions are recorded on the same account without optimistic-concurrency conflicts, and keep the
 * relationship stream free of commercial data. An account may hold several contracts at once.
 *
 * <p>The contract belongs to an account: the first event fixes its account id, and a later event for the same
 * contract with another account id is refused ({@code CONTRACT_OF_ANOTHER_ACCOUNT}). Kafka records still use the
 * account id as key, so an account's contract facts stay in order for consumers.
 */
package io.kamplatform.relationship.domain.contract;
