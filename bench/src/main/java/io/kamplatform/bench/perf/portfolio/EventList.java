package io.kamplatform.bench.perf.portfolio;

import io.kamplatform.bench.reliability.PlannedItem;
import io.kamplatform.bench.reliability.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events of one account for one writer, collected out of time order and sorted by occurredAt at the end; ties keep
 * the order they were added in (a contract signed before the concession of the same instant).
 */
final class EventList {

    private record Timed(Instant at, int order, PlannedItem item) {
    }

    private final Writer writer;
    private final String accountId;
    private final List<Timed> events = new ArrayList<>();

    EventList(Writer writer, String accountId) {
        this.writer = writer;
        this.accountId = accountId;
    }

    /** {@code data} is the event's JSON object; {@code revenue} what it adds to the verified revenue window. */
    void add(String what, String type, Instant at, String data, BigDecimal revenue) {
        String eventId = accountId + "-" + what;
        String json = "{\"accountId\":\"" + accountId + "\",\"eventId\":\"" + eventId + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + at + "\",\"data\":" + data + "}";
        events.add(new Timed(at, events.size(), new PlannedItem(eventId, writer, accountId, type, json, revenue)));
    }

    void add(String what, String type, Instant at, String data) {
        add(what, type, at, data, BigDecimal.ZERO);
    }

    List<PlannedItem> sorted() {
        return events.stream().sorted(Comparator.comparing(Timed::at).thenComparingInt(Timed::order))
                .map(Timed::item).toList();
    }
}
