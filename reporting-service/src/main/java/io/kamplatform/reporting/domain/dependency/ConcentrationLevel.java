package io.kamplatform.reporting.domain.dependency;

/**
 * Revenue concentration by HHI (0–10,000), on the antitrust scale: LOW < 1500 (unconcentrated), MODERATE 1500–2500,
 * HIGH > 2500, SEVERE ≥ 5000 (fewer than 2 effective customers). NO_REVENUE: no customer with positive revenue.
 */
public enum ConcentrationLevel {
    NO_REVENUE, LOW, MODERATE, HIGH, SEVERE
}
