package io.kamplatform.reporting.domain.health;

/** A factor's score plus its main negative driver in words (null when nothing pulls it down). */
record Assessed(FactorScore score, String driver) {

    static Assessed noData(HealthFactor factor, HealthModel model, String why) {
        return new Assessed(new FactorScore(factor.label(), null, model.weight(factor), java.util.Map.of(),
                java.util.List.of(), false, why), null);
    }
}
