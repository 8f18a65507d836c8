package io.kamplatform.reporting.domain.dependency;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/**
 * Who counts as one customer. ACCOUNT: every account on its own (what finance asks first: the invoiced entities).
 * GROUP: accounts rolled up to their top parent, since groups under common control buy and leave together (the truer
 * dependency, and the default).
 */
public enum CustomerBasis {
    ACCOUNT, GROUP;

    /** As the {@code by} parameter spells it: {@code account} or {@code group}. */
    @JsonValue
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code account} or {@code group} (any case); empty for anything else. */
    public static Optional<CustomerBasis> parse(String value) {
        for (CustomerBasis basis : values()) {
            if (basis.parameterValue().equalsIgnoreCase(value)) {
                return Optional.of(basis);
            }
        }
        return Optional.empty();
    }
}
