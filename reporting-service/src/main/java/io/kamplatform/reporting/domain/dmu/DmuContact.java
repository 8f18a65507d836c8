package io.kamplatform.reporting.domain.dmu;

import io.kamplatform.reporting.domain.facts.ContactLevel;

import java.time.Instant;
import java.util.List;

/** An active contact holding a role, and when the supplier last met them two-way (null: never). */
public record DmuContact(String contactId, String name, ContactLevel level, Instant lastTwoWayContactAt,
        List<String> eventIds) {
}
