package io.kamplatform.reporting.store;

/**
 * What storing one consumed event did. {@code gapsChanged}: the stream's missing versions changed (a gap opened or a
 * late event filled one). {@code keptEventId}: on a version conflict, the event that holds the version.
 */
public record ProjectionResult(Outcome outcome, boolean gapsChanged, String keptEventId) {

    public enum Outcome {
        /** Stored now: the reports see it. */
        PROJECTED,
        /** Stored before (a redelivery, a replay, a producer retry): nothing changed. */
        DUPLICATE,
        /** Another event already holds its (source, stream, version): the first is kept, this one recorded as a conflict. */
        VERSION_CONFLICT
    }

    static ProjectionResult projected(boolean gapsChanged) {
        return new ProjectionResult(Outcome.PROJECTED, gapsChanged, null);
    }

    static ProjectionResult duplicate() {
        return new ProjectionResult(Outcome.DUPLICATE, false, null);
    }

    static ProjectionResult conflict(String keptEventId) {
        return new ProjectionResult(Outcome.VERSION_CONFLICT, false, keptEventId);
    }
}
