package io.kamplatform.relationship.domain.relationship;

import io.kamplatform.relationship.domain.SortedSets;
import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import io.kamplatform.kit.validation.PlausibleDate;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The supplier met the account: a visit, meeting, call, e-mail, presentation, business review or workshop.
 *
 * <p>{@code contactIds} names active contacts of this account. A two-way interaction (a real exchange, which is
 * what DMU coverage and engagement count) names at least one contact, whatever its kind; a one-way interaction
 * (a mailing, a voicemail, a keynote to a crowd) may name none. {@code supplierParticipants} names at least one
 * person from the supplier, each once. A follow-up due date opens a follow-up, completed by
 * {@link FollowUpCompleted}; it may not fall before the day of the interaction.
 */
public record InteractionRecorded(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String interactionId,
        @NotNull InteractionKind kind,
        @NotNull @Size(max = 100) Set<@NotBlank @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String> contactIds,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid SupplierParticipant> supplierParticipants,
        @NotNull Boolean twoWay,
        Sentiment sentiment,
        @Size(max = 2000) String summary,
        @PlausibleDate LocalDate followUpDueOn) implements RelationshipEvent {

    /** Sorted, so the same interaction is always written the same way. */
    public InteractionRecorded {
        contactIds = SortedSets.of(contactIds);
    }
}
