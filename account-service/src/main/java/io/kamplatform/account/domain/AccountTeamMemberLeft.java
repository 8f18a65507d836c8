package io.kamplatform.account.domain;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A colleague leaves the account team. */
public record AccountTeamMemberLeft(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String memberId,
        @Size(max = 2000) String reason) implements AccountEvent {
}
