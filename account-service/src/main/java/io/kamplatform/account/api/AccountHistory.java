package io.kamplatform.account.api;

import io.kamplatform.kit.api.HistoryEntry;
import java.util.List;

/** A page of an account's events; {@code nextFromVersion} is null on the last page. */
public record AccountHistory(String accountId, List<HistoryEntry> events, Long nextFromVersion) {
}
