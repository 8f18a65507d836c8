/**
 * The relationship record of one account: one aggregate, one event stream, stream id = account id, published on
 * {@code kam.interaction.events}.
 *
 * <p>Why one stream per account: the invariants that matter here span the record. An interaction may only name
 * active contacts of the same account; a follow-up completes an open follow-up of an interaction of that account; ids
 * of contacts, interactions, service requests and complaints are unique within the account; a case is resolved once.
 * Keeping all of it in one stream makes every rule a local check against one folded state, under one optimistic
 * version, with no cross-stream lookup or saga. The streams stay small (a key account sees hundreds to a few
 * thousand facts a year), and the account id is also the Kafka key, so consumers see an account's facts in order.
 *
 * <p>Contracts are not part of it: each is its own stream ({@link io.kamplatform.relationship.domain.contract}).
 */
package io.kamplatform.relationship.domain.relationship;
