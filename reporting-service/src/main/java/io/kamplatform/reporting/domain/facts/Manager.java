package io.kamplatform.reporting.domain.facts;

/** The key account manager currently assigned. */
public record Manager(String managerId, String name, String eventId) {
}
