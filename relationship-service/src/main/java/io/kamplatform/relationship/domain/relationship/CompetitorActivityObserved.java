package io.kamplatform.relationship.domain.relationship;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A competitor was seen at work at the account (a trial, a tender, a visit); monitoring it is a KAM task. */
public record CompetitorActivityObserved(
        @NotBlank @Size(max = 200) String competitor,
        @NotNull ThreatLevel threat,
        @Size(max = 2000) String note) implements RelationshipEvent {
}
