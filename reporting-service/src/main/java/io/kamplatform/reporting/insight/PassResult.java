package io.kamplatform.reporting.insight;

import java.util.List;

/**
 * What one insight pass did: whether it ran (else why not: the summaries were not all current), how many accounts it
 * assessed, whether it recorded the baseline, and the insights it added to the outbox (ids new to the outbox only).
 */
public record PassResult(boolean ran, String skipped, int accounts, boolean baseline, List<Insight> added) {

    static PassResult skipped(String why) {
        return new PassResult(false, why, 0, false, List.of());
    }
}
