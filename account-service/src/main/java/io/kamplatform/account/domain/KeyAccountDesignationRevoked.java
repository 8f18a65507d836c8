package io.kamplatform.account.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The account is no longer a key account. */
public record KeyAccountDesignationRevoked(@NotBlank @Size(max = 2000) String reason) implements AccountEvent {
}
