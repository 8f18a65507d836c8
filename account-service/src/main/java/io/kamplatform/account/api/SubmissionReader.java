package io.kamplatform.account.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.account.api.problem.JacksonViolations;
import io.kamplatform.account.api.problem.Problem;
import io.kamplatform.account.api.problem.ProblemType;
import io.kamplatform.account.api.problem.Violation;
import io.kamplatform.account.application.EventSubmission;
import io.kamplatform.account.application.SubmissionFingerprint;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.domain.AccountId;
import io.kamplatform.account.store.AccountEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a posted event into a submission, or into a problem listing every invalid field: the
 * envelope, the event type, and the data bound to the type's record and its constraints.
 */
@ApplicationScoped
public class SubmissionReader {

    static final String EVENT_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    private final ObjectMapper mapper;
    private final Validator validator;
    private final SubmissionFingerprint fingerprint;

    public SubmissionReader(ObjectMapper mapper, Validator validator, SubmissionFingerprint fingerprint) {
        this.mapper = mapper;
        this.validator = validator;
        this.fingerprint = fingerprint;
    }

    /** A submission, or the problem that explains why there is none. Field paths start at {@code prefix}. */
    public Result read(String prefix, String accountId, String eventId, String type, Instant occurredAt,
                       Long expectedVersion, JsonNode data) {
        List<Violation> violations = new ArrayList<>();
        if (!AccountId.isValid(accountId)) {
            violations.add(new Violation(path(prefix, "accountId"), AccountId.MESSAGE));
        }
        if (eventId == null || !eventId.matches(EVENT_ID_PATTERN)) {
            violations.add(new Violation(path(prefix, "eventId"),
                    "must be 1-128 characters: letters, digits and . _ : @ - (starting with a letter or digit)"));
        }
        if (occurredAt == null) {
            violations.add(new Violation(path(prefix, "occurredAt"), "must be an ISO-8601 instant such as 2026-01-05T09:00:00Z"));
        }
        if (expectedVersion != null && expectedVersion < 0) {
            violations.add(new Violation(path(prefix, "expectedVersion"), "must be 0 or more"));
        }
        if (type == null) {
            violations.add(new Violation(path(prefix, "type"), "is required; one of " + AccountEventType.typeNames()));
            return Result.failed(Problem.invalid(violations));
        }
        Optional<AccountEventType> eventType = AccountEventType.byName(type);
        if (eventType.isEmpty()) {
            return Result.failed(Problem.of(ProblemType.UNKNOWN_EVENT_TYPE, "'" + type + "' is not an account event type; "
                    + "known types: " + AccountEventType.typeNames()).withViolations(List.of(
                    new Violation(path(prefix, "type"), "one of " + AccountEventType.typeNames()))));
        }
        AccountEvent event = bind(prefix, eventType.get(), data, violations);
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field));
            return Result.failed(Problem.invalid(violations));
        }
        return Result.ok(new EventSubmission(accountId, eventId, occurredAt, expectedVersion, event,
                fingerprint.of(accountId, occurredAt, event)));
    }

    private AccountEvent bind(String prefix, AccountEventType type, JsonNode data, List<Violation> violations) {
        String dataPath = path(prefix, "data");
        if (data == null || data.isNull()) {
            violations.add(new Violation(dataPath, "is required"));
            return null;
        }
        if (!data.isObject()) {
            violations.add(new Violation(dataPath, "must be an object"));
            return null;
        }
        try {
            AccountEvent event = mapper.treeToValue(data, type.eventClass());
            validator.validate(event).forEach(v -> violations.add(
                    new Violation(dataPath + "." + v.getPropertyPath(), v.getMessage())));
            return event;
        } catch (JsonProcessingException e) {
            violations.add(JacksonViolations.of(dataPath, e));
            return null;
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(dataPath, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    private static String path(String prefix, String field) {
        return prefix == null || prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** Either a submission or a problem. */
    public record Result(EventSubmission submission, Problem problem) {
        static Result ok(EventSubmission submission) {
            return new Result(submission, null);
        }

        static Result failed(Problem problem) {
            return new Result(null, problem);
        }
    }
}
