package io.kamplatform.kit.decider;

import io.kamplatform.kit.validation.MonetaryAmount;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The building blocks of a decider's rules. A rule is an {@code Optional<Rejection>}: empty when it holds, so rules
 * chain with {@code or(() -> ...)} and the first broken one wins. Import statically.
 */
public final class Rules {

    /** Clocks of CRM systems drift; facts a little in the future are accepted, later ones are not. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private Rules() {
    }

    /** The rule holds. */
    public static Optional<Rejection> none() {
        return Optional.empty();
    }

    /** The rule is broken by the event as a whole. */
    public static Optional<Rejection> reject(String code, String message) {
        return Optional.of(Rejection.of(code, message));
    }

    /** The rule is broken by one field of the event data. */
    public static Optional<Rejection> rejectField(String field, String code, String message) {
        return Optional.of(Rejection.onField(field, code, message));
    }

    /** {@code OCCURRED_IN_FUTURE}: only facts that happened (up to {@link #CLOCK_SKEW} ahead of now) are recorded. */
    public static Optional<Rejection> happened(Instant occurredAt, Instant now) {
        return occurredAt.isAfter(now.plus(CLOCK_SKEW))
                ? reject("OCCURRED_IN_FUTURE", "occurredAt lies in the future; only facts that happened can be recorded")
                : none();
    }

    /** {@code CURRENCY_NOT_SUPPORTED} on {@code <field>.currency}: amounts are in the platform currency. */
    public static Optional<Rejection> inCurrency(String field, MonetaryAmount money, String platformCurrency) {
        return money.currency().equals(platformCurrency) ? none() : rejectField(field + ".currency",
                "CURRENCY_NOT_SUPPORTED", "must be the platform currency " + platformCurrency);
    }
}
