package io.kamplatform.relationship.domain.relationship;

import io.kamplatform.relationship.domain.SortedSets;
import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/**
 * A person of the buyer's decision-making unit becomes a contact. Buying roles may be empty when not yet known;
 * the function is the contact's department in free text (e.g. "Procurement").
 */
public record ContactAdded(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String contactId,
        @NotBlank @Size(max = 200) String name,
        @NotNull Set<@NotNull BuyingRole> buyingRoles,
        @NotNull ContactLevel level,
        @Size(max = 100) String function) implements RelationshipEvent {

    /** Sorted, so the same contact is always written the same way. */
    public ContactAdded {
        buyingRoles = SortedSets.of(buyingRoles);
    }
}
