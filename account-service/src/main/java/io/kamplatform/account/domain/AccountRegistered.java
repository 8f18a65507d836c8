package io.kamplatform.account.domain;

import io.kamplatform.kit.validation.CrmId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An account enters the platform; a parent account groups companies under common control. */
public record AccountRegistered(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String sector,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String country,
        @Size(min = 1, max = 64) @Pattern(regexp = CrmId.PATTERN, message = CrmId.MESSAGE) String parentAccountId)
        implements AccountEvent {
}
