package io.kamplatform.reporting.domain.margin;

import io.kamplatform.reporting.domain.Decimals;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * What an account's service intensity is compared with. The portfolio median when it is positive; when it is 0 (most
 * accounts had no request or complaint in the window) "intensity ÷ median" is undefined, so the mean over the same
 * accounts (those with revenue) stands in: it is positive as soon as any account has a service event, and an account
 * at the mean scores nothing. Both 0: no account has service events, so there is nothing to compare (null).
 */
record ServiceIntensityBaseline(Kind kind, BigDecimal value) {

    enum Kind {
        MEDIAN, MEAN
    }

    static final ServiceIntensityBaseline NONE = new ServiceIntensityBaseline(null, null);

    /** From the intensities of the accounts that have one (positive revenue). */
    static ServiceIntensityBaseline of(Collection<BigDecimal> intensities) {
        BigDecimal median = Decimals.median(intensities);
        if (median == null) {
            return NONE;
        }
        if (median.signum() > 0) {
            return new ServiceIntensityBaseline(Kind.MEDIAN, median);
        }
        BigDecimal mean = intensities.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(intensities.size()), Decimals.MC);
        return mean.signum() > 0 ? new ServiceIntensityBaseline(Kind.MEAN, mean) : NONE;
    }

    boolean defined() {
        return value != null;
    }

    String kindName() {
        return kind == null ? null : kind.name();
    }
}
