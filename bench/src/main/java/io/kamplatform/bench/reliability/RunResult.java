package io.kamplatform.bench.reliability;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;

/** What one run found; a run passes when nothing acknowledged was lost and nothing was counted twice. */
record RunResult(Fault fault, long acknowledged, long stored, long storedWithoutAcknowledgement, long lostInStore,
                 long lostOnTopic, long duplicatesOnTopic, long versionConflicts, long lostInReadModel,
                 long countedTwiceInReadModel, BigDecimal revenueAcknowledged, BigDecimal revenueReported,
                 int timelinesChecked, int timelineMismatches, double recoverySeconds, double loadSeconds,
                 double catchUpSeconds, String note) {

    boolean passed() {
        return lostInStore == 0 && lostOnTopic == 0 && lostInReadModel == 0 && countedTwiceInReadModel == 0
                && versionConflicts == 0 && timelineMismatches == 0 && revenueReported != null
                && revenueReported.compareTo(revenueAcknowledged) == 0;
    }

    static void printTable(PrintStream out, List<RunResult> results) {
        out.println();
        out.println("| kill -9 | acknowledged | lost: store | lost: Kafka | lost: read model | counted twice | "
                + "revenue reported = acknowledged | timelines exact | reused versions | redelivered on Kafka | "
                + "back after | load | catch-up | result |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (RunResult r : results) {
            out.printf("| %s | %,d | %d | %d | %d | %d | %s | %d/%d | %d | %,d | %s | %.0f s | %.0f s | %s |%n",
                    r.fault.process(), r.acknowledged, r.lostInStore, r.lostOnTopic, r.lostInReadModel,
                    r.countedTwiceInReadModel,
                    r.revenueReported == null ? "no report" : r.revenueReported.compareTo(r.revenueAcknowledged) == 0
                            ? "yes (" + r.revenueAcknowledged.toPlainString() + ")"
                            : "NO: " + r.revenueReported.toPlainString() + " vs " + r.revenueAcknowledged.toPlainString(),
                    r.timelinesChecked - r.timelineMismatches, r.timelinesChecked, r.versionConflicts, r.duplicatesOnTopic,
                    r.fault == Fault.NONE ? "-" : "%.0f s".formatted(r.recoverySeconds), r.loadSeconds, r.catchUpSeconds,
                    r.passed() ? "PASS" : "FAIL" + (r.note == null ? "" : " (" + r.note + ")"));
        }
    }
}
