package io.kamplatform.relationship.domain.relationship;

import java.util.Set;

/** A contact of the account's decision-making unit; {@code active} is false once the contact has left. */
public record Contact(String contactId, String name, Set<BuyingRole> buyingRoles, ContactLevel level, String function,
        boolean active) {

    Contact updatedBy(ContactUpdated e) {
        return new Contact(contactId,
                e.name() != null ? e.name() : name,
                e.buyingRoles() != null ? Set.copyOf(e.buyingRoles()) : buyingRoles,
                e.level() != null ? e.level() : level,
                e.function() != null ? e.function() : function,
                active);
    }

    Contact departed() {
        return new Contact(contactId, name, buyingRoles, level, function, false);
    }
}
