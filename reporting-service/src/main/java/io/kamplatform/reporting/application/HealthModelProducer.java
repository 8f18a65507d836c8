package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.health.HealthFactor;
import io.kamplatform.reporting.domain.health.HealthModel;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds the health models from configuration; an inconsistent one (or an unknown factor) stops the service at start. */
public class HealthModelProducer {

    @Produces
    @Singleton
    HealthModels healthModels(HealthModelConfig config) {
        List<HealthModel> models = new ArrayList<>();
        config.models().forEach((version, m) -> models.add(model(version, m)));
        return new HealthModels(models, config.defaultModel());
    }

    /** The default model: what the read models and every report asked without a model use. */
    @Produces
    @Singleton
    HealthModel healthModel(HealthModels models) {
        return models.defaultModel();
    }

    static HealthModel model(String version, HealthModelConfig.Model m) {
        Map<HealthFactor, Integer> weights = new EnumMap<>(HealthFactor.class);
        m.weights().forEach((key, weight) -> weights.put(HealthFactor.ofKey(key).orElseThrow(() ->
                new IllegalArgumentException("kam.health.models." + version + ".weights." + key + ": no such factor; "
                        + "known: " + java.util.Arrays.stream(HealthFactor.values()).map(HealthFactor::key).toList())),
                weight));
        return new HealthModel(version, weights, m.greenFrom(), m.redUpTo(), m.expectedInteractionsPer90Days(),
                m.staleAfterDays(), m.criticalComplaintHours(), m.minCoveragePct());
    }
}
