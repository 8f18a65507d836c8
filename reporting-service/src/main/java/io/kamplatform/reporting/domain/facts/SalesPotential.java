package io.kamplatform.reporting.domain.facts;

import java.time.Instant;

/** The latest assessed annual sales potential: why an account deserves key-account status. */
public record SalesPotential(Money annualPotential, Instant assessedAt, String eventId) {
}
