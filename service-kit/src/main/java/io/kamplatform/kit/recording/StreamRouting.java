package io.kamplatform.kit.recording;

/**
 * Which stream a writer records an event on: the account itself, or a stream of its own such as a contract. The
 * stream is the unit of optimistic concurrency ({@code expectedVersion}) and of the decider's state.
 */
@FunctionalInterface
public interface StreamRouting<E> {

    String streamOf(String accountId, E event);
}
