package io.kamplatform.reporting.domain.potential;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A non-key account on the neglected-potential list and the figures that put it there. */
public record NeglectedAccount(String accountId, String name, BigDecimal potential, BigDecimal revenue,
        BigDecimal penetrationPct, Instant lastInteractionAt, List<String> eventIds) {
}
