package io.kamplatform.reporting.domain.dmu;

import io.kamplatform.reporting.domain.facts.BuyingRole;
import io.kamplatform.reporting.domain.facts.ContactLevel;

import java.time.Instant;
import java.util.List;

/**
 * A contact who left the DMU by asOf ("who left"): the roles and level they held when they left, and when. Losing a
 * sponsor or decider is an early warning, so the map keeps them beside the active holders.
 */
public record FormerContact(String contactId, String name, List<BuyingRole> roles, ContactLevel level, Instant leftAt,
        List<String> eventIds) {
}
