/**
 * The pure domain model of relationship-service: no framework, no I/O, no clock of its own.
 *
 * <p>Two kinds of aggregate, each its own event stream:
 * <ul>
 *   <li>{@link io.kamplatform.relationship.domain.relationship} — an account's <em>relationship record</em>
 *       (stream id = account id): the buyer's decision-making unit, interactions and their follow-ups,
 *       service requests, complaints and competitor activity. Published on {@code kam.interaction.events}.</li>
 *   <li>{@link io.kamplatform.relationship.domain.contract} — one <em>contract</em> (stream id = contract id),
 *       which belongs to an account. Published on {@code kam.contract.events}.</li>
 * </ul>
 *
 * <p>This package holds what both share of their own ({@link io.kamplatform.relationship.domain.SortedSets}). The
 * technical shapes every writer shares come from service-kit and carry no KAM vocabulary: the decider shape
 * ({@code io.kamplatform.kit.decider}: {@code Decider}, {@code Decision}, {@code Rejection}, {@code Rules}), the value
 * type {@code Money} and the id rule {@code CrmId}. The contract between services stays the published event schema.
 *
 * <p>Every command is handled as: load the stream, fold it ({@code replay}), {@code decide} (a pure function of
 * state, command and {@code now} that returns the events to append or the first broken rule), append with the
 * expected version. Shape rules (required fields, sizes, ranges, id syntax) are Bean Validation annotations on the
 * event records, checked by the API before the decider runs; the deciders check the rules that need state, several
 * fields or the platform's configuration (currency, clock).
 */
package io.kamplatform.relationship.domain;
