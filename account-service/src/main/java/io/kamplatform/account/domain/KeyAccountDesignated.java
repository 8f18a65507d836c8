package io.kamplatform.account.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The account becomes a key (strategic) account and deserves dedicated resources. */
public record KeyAccountDesignated(@NotBlank @Size(max = 2000) String rationale) implements AccountEvent {
}
