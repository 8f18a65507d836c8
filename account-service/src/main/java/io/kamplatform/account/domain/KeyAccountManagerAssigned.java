package io.kamplatform.account.domain;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The key account manager who owns the relationship; a new assignment replaces the previous one. */
public record KeyAccountManagerAssigned(
        @NotBlank @Size(max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String managerId,
        @NotBlank @Size(max = 200) String name) implements AccountEvent {
}
