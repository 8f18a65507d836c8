package io.kamplatform.reporting.rebuild;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a read-model rebuild stands. */
@Schema(description = "A read-model rebuild: state IDLE (none since start), REPLAYING (topics into the fresh tables), "
        + "WARMING (the indexes the replay does not read, then the current summaries of the fresh tables), SWITCHING (draining the last records with the live tables "
        + "locked against writes, then trading places), DONE or FAILED (error says why; the live tables are untouched)")
public record RebuildProgress(
        String state,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Records replayed so far (stored, duplicates and skipped)")
        long eventsDone,
        @Schema(description = "Records the replay could not project (unreadable or rejected: they are on the dead-letter topics)")
        long eventsSkipped,
        Double eventsPerSecond,
        @Schema(description = "Records between the replay's positions and the log end offsets last read")
        long lagRecords,
        @Schema(description = "Seconds to catch up at the rate so far; null before a rate is known")
        Long etaSeconds,
        List<PartitionProgress> partitions,
        @Schema(description = "Attempts to switch (a lock not granted in time is tried again)")
        int switchAttempts,
        String error) {

    static final RebuildProgress IDLE = new RebuildProgress("IDLE", null, null, 0, 0, null, 0, null, List.of(), 0, null);

    boolean running() {
        return state.equals("REPLAYING") || state.equals("WARMING") || state.equals("SWITCHING");
    }
}
