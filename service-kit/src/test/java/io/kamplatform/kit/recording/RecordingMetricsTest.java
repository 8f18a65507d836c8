package io.kamplatform.kit.recording;

import io.kamplatform.kit.problem.ProblemType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsEachOutcomeUnderTheSubmissionsType() {
        List<EventSubmission<Object>> submissions = List.of(
                submission("e1", "AccountRegistered"), submission("e2", "RevenueRecognised"),
                submission("e3", "RevenueRecognised"), submission("e4", "RevenueRecognised"),
                submission("e5", "KeyAccountDesignated"), submission("e6", "AccountRegistered"));
        List<RecordingOutcome> outcomes = List.of(
                new RecordingOutcome.Recorded(null),
                new RecordingOutcome.Recorded(null),
                new RecordingOutcome.Rejected("OCCURRED_IN_FUTURE", "in the future", "occurredAt"),
                new RecordingOutcome.VersionConflict(3, 4),
                new RecordingOutcome.Refused(ProblemType.of("unknown-account", "Unknown account", 422), "no", null, null),
                new RecordingOutcome.Replayed(null));

        new RecordingMetrics(registry).count(submissions, outcomes);

        assertThat(count("kam.events.accepted", "type", "AccountRegistered")).isEqualTo(1);
        assertThat(count("kam.events.accepted", "type", "RevenueRecognised")).isEqualTo(1);
        assertThat(count("kam.events.replayed", "type", "AccountRegistered")).isEqualTo(1);
        assertThat(count("kam.events.rejected", "type", "RevenueRecognised", "reason", "OCCURRED_IN_FUTURE")).isEqualTo(1);
        assertThat(count("kam.events.rejected", "type", "RevenueRecognised", "reason", "version-conflict")).isEqualTo(1);
        assertThat(count("kam.events.rejected", "type", "KeyAccountDesignated", "reason", "unknown-account")).isEqualTo(1);
        assertThat(registry.find("kam.events.accepted").counters()).hasSize(2);
        assertThat(registry.find("kam.events.rejected").counters()).hasSize(3);
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static EventSubmission<Object> submission(String eventId, String type) {
        return new EventSubmission<>("ACME", "ACME", eventId, type, Instant.parse("2026-01-05T09:00:00Z"), null, new Object(), "hash");
    }
}
