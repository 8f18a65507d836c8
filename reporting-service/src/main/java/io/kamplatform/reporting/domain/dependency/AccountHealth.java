package io.kamplatform.reporting.domain.dependency;

import java.math.BigDecimal;

/**
 * What revenue at risk needs of an account's health: the score (null without one) and the share of the model's weight
 * it rests on (data coverage, percent).
 */
public record AccountHealth(Integer score, BigDecimal dataCoveragePct) {

    /** The score is trustworthy enough to price risk with: present and resting on at least {@code minCoveragePct}. */
    boolean knownAt(BigDecimal minCoveragePct) {
        return score != null && dataCoveragePct != null && dataCoveragePct.compareTo(minCoveragePct) >= 0;
    }
}
