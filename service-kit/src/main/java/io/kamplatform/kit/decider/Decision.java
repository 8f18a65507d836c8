package io.kamplatform.kit.decider;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of deciding on a command: the events to append, or why nothing may be appended.
 *
 * @param <E> the event type of the stream that decided
 */
public sealed interface Decision<E> {

    record Accepted<E>(List<E> events) implements Decision<E> {
    }

    record Rejected<E>(Rejection rejection) implements Decision<E> {
    }

    static <E> Decision<E> accept(E event) {
        return new Accepted<>(List.of(event));
    }

    static <E> Decision<E> reject(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    /** The event, unless a rule was broken: how a decider that records the posted fact as it is ends. */
    static <E> Decision<E> acceptUnless(Optional<Rejection> firstRejection, E event) {
        return firstRejection.<Decision<E>>map(Decision::reject).orElseGet(() -> accept(event));
    }
}
