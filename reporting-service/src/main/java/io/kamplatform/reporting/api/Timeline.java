package io.kamplatform.reporting.api;

import java.time.Instant;
import java.util.List;

/** A page of an account's events in the order they happened; {@code nextOffset} is null on the last page. */
public record Timeline(String accountId, Instant asOf, List<TimelineEntry> events, Integer nextOffset) {
}
