package io.kamplatform.kit.decider;

import java.time.Instant;

/**
 * The shape of every business rule set in the writers: a pure function of a stream's current state, a command and
 * the time, returning the events to append or the first rule the command breaks. No I/O and no clock of its own, so
 * its rules are tested with given-events / when-command / then-events and nothing else (the test jar's
 * {@code GivenWhenThen}). State is the fold of the stream's events; each aggregate folds itself ({@code replay},
 * {@code evolve}), because what a fold needs besides the events differs (a contract keeps the account of its first
 * event).
 *
 * @param <S> the state of the stream (an account, a relationship record, a contract)
 * @param <C> the command (record this event about this stream)
 * @param <E> the events of the stream
 */
@FunctionalInterface
public interface Decider<S, C, E> {

    Decision<E> decide(S state, C command, Instant now);
}
