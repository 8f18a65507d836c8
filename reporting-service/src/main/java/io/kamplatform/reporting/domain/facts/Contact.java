package io.kamplatform.reporting.domain.facts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A person of the buyer's DMU; {@code leftAt} is set once they left (then {@code active} is false). */
public record Contact(String contactId, String name, Set<BuyingRole> roles, ContactLevel level, String function,
        boolean active, Instant leftAt, List<String> eventIds) {

    public boolean isExecutive() {
        return level == ContactLevel.EXECUTIVE;
    }
}
