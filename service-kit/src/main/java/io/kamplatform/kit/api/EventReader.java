package io.kamplatform.kit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kamplatform.kit.json.StrictJson;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemType;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.kit.store.EventCatalog;
import io.kamplatform.kit.validation.CrmId;
import io.kamplatform.kit.validation.PlausibleDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a posted event into a {@link PostedEvent}, or into a problem listing every invalid field: the
 * envelope (an instant not before 1900), the event type, and the data bound strictly ({@link StrictJson}) to the
 * type's record and its Bean Validation constraints.
 * Field paths start at a prefix so batch items name themselves ({@code items[3].data.month}).
 */
@ApplicationScoped
public class EventReader {

    public static final String EVENT_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";
    /** @deprecated the id rule is {@link CrmId}; kept as an alias until reporting-service uses it directly. */
    @Deprecated
    public static final String ID_PATTERN = CrmId.PATTERN;
    /** @deprecated the id rule is {@link CrmId}; kept as an alias until reporting-service uses it directly. */
    @Deprecated
    public static final String ID_MESSAGE = CrmId.MESSAGE;

    private final StrictJson json;
    private final Validator validator;
    private final SubmissionFingerprint fingerprint;

    public EventReader(StrictJson json, Validator validator, SubmissionFingerprint fingerprint) {
        this.json = json;
        this.validator = validator;
        this.fingerprint = fingerprint;
    }

    /**
     * Reads one event about stream {@code streamId}; {@code violations} may already hold problems the caller
     * found (e.g. in the path) and are reported together with these.
     */
    public <E> Result<E> read(EventCatalog<E, ?> catalog, String prefix, String streamId, String eventId, String type,
                              Instant occurredAt, Long expectedVersion, JsonNode data, List<Violation> violations) {
        List<Violation> all = new ArrayList<>(violations);
        if (eventId == null || !eventId.matches(EVENT_ID_PATTERN)) {
            all.add(new Violation(path(prefix, "eventId"),
                    "must be 1-128 characters: letters, digits and . _ : @ - (starting with a letter or digit)"));
        }
        if (occurredAt == null) {
            all.add(new Violation(path(prefix, "occurredAt"), "must be an ISO-8601 instant such as 2026-01-05T09:00:00Z"));
        } else if (occurredAt.isBefore(PlausibleDates.EARLIEST_INSTANT)) {
            all.add(new Violation(path(prefix, "occurredAt"), PlausibleDates.INSTANT_RULE));
        }
        if (expectedVersion != null && expectedVersion < 0) {
            all.add(new Violation(path(prefix, "expectedVersion"), "must be 0 or more"));
        }
        if (type == null) {
            all.add(new Violation(path(prefix, "type"), "is required; one of " + catalog.typeNames()));
            return Result.failed(Problem.invalid(all));
        }
        Optional<Class<? extends E>> eventClass = catalog.classOf(type);
        if (eventClass.isEmpty()) {
            return Result.failed(Problem.of(ProblemType.UNKNOWN_EVENT_TYPE, "'" + type + "' is not an event type here; "
                    + "known types: " + catalog.typeNames()).withViolations(List.of(
                    new Violation(path(prefix, "type"), "one of " + catalog.typeNames()))));
        }
        E event = bind(prefix, eventClass.get(), data, all);
        if (!all.isEmpty()) {
            all.sort(Comparator.comparing(Violation::field));
            return Result.failed(Problem.invalid(all));
        }
        return Result.ok(new PostedEvent<>(eventId, type, occurredAt, expectedVersion, event,
                fingerprint.of(streamId, type, occurredAt, event)));
    }

    private <E> E bind(String prefix, Class<? extends E> eventClass, JsonNode data, List<Violation> violations) {
        String dataPath = path(prefix, "data");
        if (data == null || data.isNull()) {
            violations.add(new Violation(dataPath, "is required"));
            return null;
        }
        if (!data.isObject()) {
            violations.add(new Violation(dataPath, "must be an object"));
            return null;
        }
        StrictJson.Bound<? extends E> bound = json.bind(data, eventClass, dataPath);
        if (bound.violation() != null) {
            violations.add(bound.violation());
            return null;
        }
        validator.validate(bound.value()).forEach(v -> violations.add(
                new Violation(dataPath + "." + v.getPropertyPath(), v.getMessage())));
        return bound.value();
    }

    public static String path(String prefix, String field) {
        return prefix == null || prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** Either a posted event or a problem. */
    public record Result<E>(PostedEvent<E> posted, Problem problem) {
        static <E> Result<E> ok(PostedEvent<E> posted) {
            return new Result<>(posted, null);
        }

        static <E> Result<E> failed(Problem problem) {
            return new Result<>(null, problem);
        }
    }
}
