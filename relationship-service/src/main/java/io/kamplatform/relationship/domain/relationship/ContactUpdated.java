package io.kamplatform.relationship.domain.relationship;

import io.kamplatform.relationship.domain.SortedSets;
import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A contact's name, buying roles, level or function changed; fields left out (null) keep their value, at least one
 * is given. Buying roles given replace the previous set (an empty set clears them).
 */
public record ContactUpdated(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String contactId,
        @Size(min = 1, max = 200) String name,
        Set<@NotNull BuyingRole> buyingRoles,
        ContactLevel level,
        @Size(min = 1, max = 100) String function) implements RelationshipEvent {

    /** Sorted, so the same change is always written the same way. */
    public ContactUpdated {
        buyingRoles = SortedSets.of(buyingRoles);
    }

    public boolean changesNothing() {
        return name == null && buyingRoles == null && level == null && function == null;
    }
}
