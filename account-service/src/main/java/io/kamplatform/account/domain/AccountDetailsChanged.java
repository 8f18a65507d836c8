package io.kamplatform.account.domain;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Name, sector or country changed; fields left out keep their value. */
public record AccountDetailsChanged(
        @Size(min = 1, max = 200) String name,
        @Size(min = 1, max = 100) String sector,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String country)
        implements AccountEvent {

    public boolean changesNothing() {
        return name == null && sector == null && country == null;
    }
}
