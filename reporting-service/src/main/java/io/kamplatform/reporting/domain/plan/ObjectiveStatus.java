package io.kamplatform.reporting.domain.plan;

import io.kamplatform.reporting.domain.facts.AccountPlan.Objective;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where an objective stands on a day. Closed: ACHIEVED, MISSED or DROPPED as reported. Open and past its due date:
 * OVERDUE. Open and due later: ON_TRACK when its progress keeps at least three quarters of the pace, else AT_RISK —
 * progress share p = (latest − baseline) / (target − baseline) (baseline 0 when not given; no progress reported → 0;
 * target = baseline → 1), time share t = days since it was set / days from set to due (1 when due the day it was set);
 * AT_RISK when p &lt; 0.75 × t.
 */
public enum ObjectiveStatus {
    ON_TRACK, AT_RISK, OVERDUE, ACHIEVED, MISSED, DROPPED;

    static final BigDecimal PACE = new BigDecimal("0.75");

    public static ObjectiveStatus of(Objective o, LocalDate day) {
        if (o.outcome() != null) {
            return switch (o.outcome()) {
                case ACHIEVED -> ACHIEVED;
                case MISSED -> MISSED;
                case DROPPED -> DROPPED;
            };
        }
        if (o.dueOn().isBefore(day)) {
            return OVERDUE;
        }
        return progressShare(o).compareTo(PACE.multiply(timeShare(o, day))) < 0 ? AT_RISK : ON_TRACK;
    }

    static BigDecimal progressShare(Objective o) {
        BigDecimal baseline = o.baselineValue() == null ? BigDecimal.ZERO : o.baselineValue();
        BigDecimal span = o.targetValue().subtract(baseline);
        if (span.signum() == 0) {
            return BigDecimal.ONE;
        }
        BigDecimal latest = o.latestValue() == null ? baseline : o.latestValue();
        return latest.subtract(baseline).divide(span, MathContext.DECIMAL64);
    }

    static BigDecimal timeShare(Objective o, LocalDate day) {
        LocalDate set = io.kamplatform.reporting.domain.facts.Dates.day(o.setAt());
        long total = ChronoUnit.DAYS.between(set, o.dueOn());
        if (total <= 0) {
            return BigDecimal.ONE;
        }
        long elapsed = Math.max(0, ChronoUnit.DAYS.between(set, day));
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
    }
}
