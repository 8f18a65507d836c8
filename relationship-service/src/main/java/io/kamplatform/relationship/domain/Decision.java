package io.kamplatform.relationship.domain;

import java.util.List;

/**
 * The outcome of deciding on a command: the events to append, or why nothing may be appended.
 *
 * @param <E> the event type of the aggregate that decided
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
}
