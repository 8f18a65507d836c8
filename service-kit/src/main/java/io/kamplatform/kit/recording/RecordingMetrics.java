package io.kamplatform.kit.recording;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/**
 * Counts what happened to each posted event, by logical type, once its transaction committed (a retried lost race
 * counts once): {@code kam.events.accepted{type}} (appended now), {@code kam.events.replayed{type}} (an idempotent
 * retry, nothing appended) and {@code kam.events.rejected{type,reason}} — the rule's code (e.g.
 * {@code OCCURRED_IN_FUTURE}), {@code version-conflict}, {@code event-id-reused} or the refusal's problem type (e.g.
 * {@code unknown-account}). Input that never became a submission (malformed JSON, schema violations) is not an
 * event of a type; the HTTP metrics count it as a 4xx.
 */
final class RecordingMetrics {

    private final MeterRegistry registry;

    RecordingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code outcomes} answer {@code submissions} one to one, in order (EventRecorder's contract). */
    void count(List<? extends EventSubmission<?>> submissions, List<RecordingOutcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            String type = submissions.get(i).type();
            switch (outcomes.get(i)) {
                case RecordingOutcome.Recorded ignored -> registry.counter("kam.events.accepted", "type", type).increment();
                case RecordingOutcome.Replayed ignored -> registry.counter("kam.events.replayed", "type", type).increment();
                case RecordingOutcome.Rejected r -> rejected(type, r.code());
                case RecordingOutcome.VersionConflict ignored -> rejected(type, "version-conflict");
                case RecordingOutcome.EventIdReused ignored -> rejected(type, "event-id-reused");
                case RecordingOutcome.Refused r -> rejected(type, lastSegment(r.type().uri().toString()));
            }
        }
    }

    private void rejected(String type, String reason) {
        registry.counter("kam.events.rejected", "type", type, "reason", reason).increment();
    }

    private static String lastSegment(String uri) {
        return uri.substring(Math.max(uri.lastIndexOf(':'), uri.lastIndexOf('/')) + 1);
    }
}
