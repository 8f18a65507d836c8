package io.kamplatform.reporting.application;

import io.kamplatform.reporting.domain.health.HealthModel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured health models by version, and the default one (what a report asked without a model uses). */
public final class HealthModels {

    private final Map<String, HealthModel> byVersion;
    private final HealthModel defaultModel;

    public HealthModels(List<HealthModel> models, String defaultVersion) {
        Map<String, HealthModel> map = new TreeMap<>();
        models.forEach(m -> map.put(m.version(), m));
        this.byVersion = Map.copyOf(map);
        this.defaultModel = map.get(defaultVersion);
        if (defaultModel == null) {
            throw new IllegalArgumentException("kam.health.default-model=" + defaultVersion + " is not among the models "
                    + map.keySet());
        }
    }

    public HealthModel defaultModel() {
        return defaultModel;
    }

    public Optional<HealthModel> find(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    /** Every model, by version. */
    public List<HealthModel> all() {
        return byVersion.values().stream().sorted(Comparator.comparing(HealthModel::version)).toList();
    }
}
