package io.kamplatform.reporting.insight;

/** A fact projected for an account since its conclusions were last recorded: a possible cause of a change. */
public record Cause(String eventId, String eventType) {
}
