package io.kamplatform.account.support;

import java.util.UUID;

/** JSON bodies of account events as a CRM integration would post them. */
public final class Events {
    private Events() {
    }

    public static String newAccountId() {
        return "ACME-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newEventId() {
        return "evt-" + UUID.randomUUID();
    }

    public static String event(String eventId, String type, String occurredAt, Long expectedVersion, String data) {
        return """
                {"eventId":"%s","type":"%s","occurredAt":"%s",%s"data":%s}"""
                .formatted(eventId, type, occurredAt,
                        expectedVersion == null ? "" : "\"expectedVersion\":" + expectedVersion + ",", data);
    }

    public static String registration(String eventId, String name) {
        return event(eventId, "AccountRegistered", "2026-01-05T09:00:00Z", null,
                "{\"name\":\"" + name + "\",\"sector\":\"Manufacturing\",\"country\":\"DE\"}");
    }

    public static String designation(String eventId, Long expectedVersion) {
        return event(eventId, "KeyAccountDesignated", "2026-02-01T10:00:00Z", expectedVersion,
                "{\"rationale\":\"large untapped potential\"}");
    }

    public static String revenue(String eventId, String month, String revenue, String cost) {
        return event(eventId, "RevenueRecognized", "2026-03-01T00:00:00Z", null,
                "{\"month\":\"" + month + "\",\"revenue\":{\"amount\":\"" + revenue + "\",\"currency\":\"EUR\"},"
                        + "\"costOfSales\":{\"amount\":\"" + cost + "\",\"currency\":\"EUR\"},\"reference\":null}");
    }
}
