package io.kamplatform.reporting.deadletter;

import java.util.List;

/**
 * What a replay did with the dead letters present when it started, per dead-letter topic. The records stay on the
 * topic (Kafka keeps them); deduplication makes a second replay count them as already projected.
 */
public record ReplayReport(List<TopicReplay> topics) {

    /** One dead-letter topic's replay. */
    public record TopicReplay(String topic, String sourceTopic, long deadLetters, long replayed, long alreadyProjected,
                              long versionConflicts, List<StillFailing> stillFailing) {
    }

    /** A dead letter that still cannot be projected: where it is and why. */
    public record StillFailing(int partition, long offset, String eventId, String reason) {
    }

    public long replayed() {
        return topics.stream().mapToLong(TopicReplay::replayed).sum();
    }
}
