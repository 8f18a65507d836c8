package io.kamplatform.account.domain;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A colleague from another function joins the multi-functional account team. */
public record AccountTeamMemberJoined(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String memberId,
        @Size(max = 200) String name,
        @NotNull TeamFunction function) implements AccountEvent {
}
