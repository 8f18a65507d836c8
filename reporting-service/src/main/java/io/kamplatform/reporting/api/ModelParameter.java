package io.kamplatform.reporting.api;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.reporting.application.HealthModels;
import io.kamplatform.reporting.domain.health.HealthModel;
import java.util.List;

/** The health model named by a query parameter: the default model when absent, else one configured, else a 400. */
final class ModelParameter {

    static final String DESCRIPTION = "Health model version (GET /api/reports/models lists them; default: the configured "
            + "default model, kam-health-1). Portfolio figures under another model are folded from the histories.";

    private ModelParameter() {
    }

    static HealthModel parse(String parameter, String value, HealthModels models) {
        if (value == null) {
            return models.defaultModel();
        }
        return models.find(value).orElseThrow(() -> new ProblemException(Problem.invalid(List.of(new Violation(parameter,
                "unknown health model '" + (value.length() > 64 ? value.substring(0, 64) + "…" : value) + "'; known: "
                        + models.all().stream().map(HealthModel::version).toList())))));
    }
}
