package io.kamplatform.reporting.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.kamplatform.reporting.domain.completeness.AccountCompleteness;
import java.time.Instant;
import java.util.List;

/**
 * A page of an account's events in the order they happened; {@code nextOffset} is null on the last page. With
 * dataComplete and missingEvents, as every account report.
 */
public record Timeline(String accountId, Instant asOf, List<TimelineEntry> events, Integer nextOffset,
                       @JsonUnwrapped AccountCompleteness completeness) {
}
