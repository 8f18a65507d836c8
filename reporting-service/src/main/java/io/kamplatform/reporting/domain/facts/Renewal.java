package io.kamplatform.reporting.domain.facts;

import java.time.Instant;
import java.time.LocalDate;

/** One renewal of a contract: validity extended from {@code previousEndsOn} to {@code newEndsOn}, values reset. */
public record Renewal(LocalDate previousEndsOn, LocalDate newEndsOn, Money annualValue, Money listValue,
        Instant renewedAt, String eventId) {
}
