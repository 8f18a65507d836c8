package io.kamplatform.reporting.domain.health;

/** The factors of KAM health, with the names reports show. */
public enum HealthFactor {
    DMU_COVERAGE("DMU coverage"),
    ENGAGEMENT("Engagement"),
    SERVICE("Service"),
    COMMERCIAL_MOMENTUM("Commercial momentum"),
    CONTRACT_SECURITY("Contract security");

    private final String label;

    HealthFactor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
