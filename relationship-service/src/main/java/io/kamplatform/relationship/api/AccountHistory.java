package io.kamplatform.relationship.api;

import io.kamplatform.kit.api.HistoryEntry;
import java.util.List;

/** A page of what was recorded about an account; {@code nextAfterPosition} is null on the last page. */
public record AccountHistory(String accountId, List<HistoryEntry> events, Long nextAfterPosition) {
}
