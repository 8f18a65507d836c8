package io.kamplatform.bench.reliability;

import java.math.BigDecimal;

/**
 * What the verification found for the acknowledged events: lost at a hop, counted twice in the read model, stream
 * versions reused on Kafka, and whether the reported revenue and sampled timelines match what was acknowledged.
 */
public record Findings(long acknowledged, long stored, long storedWithoutAcknowledgement, long lostInStore,
                       long lostOnTopic, long redeliveredOnTopic, long versionConflicts, long lostInReadModel,
                       long countedTwice, BigDecimal revenueAcknowledged, BigDecimal revenueReported,
                       int timelinesChecked, int timelineMismatches) {

    /** Lost anywhere: in the store, on Kafka or in the read model. */
    public long lost() {
        return lostInStore + lostOnTopic + lostInReadModel;
    }

    public boolean revenueExact() {
        return revenueReported != null && revenueReported.compareTo(revenueAcknowledged) == 0;
    }

    public boolean passed() {
        return lost() == 0 && countedTwice == 0 && versionConflicts == 0 && timelineMismatches == 0 && revenueExact();
    }
}
