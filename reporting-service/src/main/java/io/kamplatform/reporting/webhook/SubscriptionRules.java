package io.kamplatform.reporting.webhook;

import io.kamplatform.kit.json.Text;
import io.kamplatform.kit.problem.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a subscription request must be (README "Webhooks", "Limits"): every violation, by field. */
final class SubscriptionRules {

    static final int MAX_DESCRIPTION = 200;
    static final int MAX_FILTER_VALUES = 100;
    static final int MAX_ID = 100;
    static final int MIN_SECRET = 24;
    static final int MAX_SECRET = 256;
    static final Set<String> BANDS = Set.of("GREEN", "AMBER", "RED");

    private SubscriptionRules() {
    }

    static List<Violation> check(WebhookApi.SubscriptionRequest request, TargetPolicy policy) {
        List<Violation> violations = new ArrayList<>();
        policy.problem(request.url()).ifPresent(p -> violations.add(new Violation("url", p)));
        if (request.url() != null && Text.problem(request.url()) != null) {
            violations.add(new Violation("url", Text.problem(request.url())));
        }
        if (request.description() != null) {
            if (request.description().length() > MAX_DESCRIPTION) {
                violations.add(new Violation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
            } else if (Text.problem(request.description()) != null) {
                violations.add(new Violation("description", Text.problem(request.description())));
            }
        }
        List<String> types = request.eventTypes() == null ? List.of() : request.eventTypes();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i) == null || !Insight.TYPES.contains(types.get(i))) {
                violations.add(new Violation("eventTypes[" + i + "]", "must be one of " + Insight.TYPES));
            }
        }
        WebhookApi.Filters filters = request.filters();
        if (filters != null) {
            ids("filters.accountIds", filters.accountIds(), violations);
            ids("filters.managerIds", filters.managerIds(), violations);
            List<String> bands = filters.bands() == null ? List.of() : filters.bands();
            for (int i = 0; i < bands.size(); i++) {
                if (bands.get(i) == null || !BANDS.contains(bands.get(i))) {
                    violations.add(new Violation("filters.bands[" + i + "]", "must be one of GREEN, AMBER, RED"));
                }
            }
        }
        String secret = request.secret();
        if (secret != null) {
            if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
                violations.add(new Violation("secret", "must be " + MIN_SECRET + "-" + MAX_SECRET + " characters"));
            } else if (!secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                violations.add(new Violation("secret", "must be printable ASCII without spaces"));
            }
        }
        return violations;
    }

    private static void ids(String field, List<String> values, List<Violation> violations) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_FILTER_VALUES) {
            violations.add(new Violation(field, "must hold at most " + MAX_FILTER_VALUES + " values"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank()) {
                violations.add(new Violation(field + "[" + i + "]", "must not be blank"));
            } else if (v.length() > MAX_ID) {
                violations.add(new Violation(field + "[" + i + "]", "must be at most " + MAX_ID + " characters"));
            } else if (Text.problem(v) != null) {
                violations.add(new Violation(field + "[" + i + "]", Text.problem(v)));
            }
        }
    }

    /** The list without nulls or repeats, in order. */
    static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }
}
