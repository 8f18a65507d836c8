package io.kamplatform.reporting.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription: where insights go and which ones. Every filter list narrows the insights sent (an empty list
 * does not filter): its type among {@code eventTypes}, its account among {@code accountIds} (portfolio-wide insights
 * have none, so an account filter excludes them), its manager among {@code managerIds}, its band among {@code bands}.
 * A disabled subscription still matches: its deliveries queue up and are sent when it is enabled again.
 */
public record Subscription(UUID id, String url, String description, List<String> eventTypes, List<String> accountIds,
                           List<String> managerIds, List<String> bands, boolean enabled, Instant createdAt,
                           Instant updatedAt) {

    public boolean matches(Insight insight) {
        return admits(eventTypes, insight.type())
                && admits(accountIds, insight.accountId())
                && admits(managerIds, insight.managerId())
                && admits(bands, insight.band());
    }

    private static boolean admits(List<String> filter, String value) {
        return filter.isEmpty() || (value != null && filter.contains(value));
    }
}
