package io.kamplatform.account.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kamplatform.account.application.EventSubmission;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.domain.AccountId;
import io.kamplatform.account.store.AccountEventCatalog;
import io.kamplatform.kit.api.EventReader;
import io.kamplatform.kit.api.PostedEvent;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a posted account event into a submission, or into a problem listing every invalid field. */
@ApplicationScoped
public class SubmissionReader {

    private final EventReader reader;
    private final AccountEventCatalog catalog;

    public SubmissionReader(EventReader reader, AccountEventCatalog catalog) {
        this.reader = reader;
        this.catalog = catalog;
    }

    public Result read(String prefix, String accountId, String eventId, String type, Instant occurredAt,
                       Long expectedVersion, JsonNode data) {
        List<Violation> violations = new ArrayList<>();
        if (!AccountId.isValid(accountId)) {
            violations.add(new Violation(EventReader.path(prefix, "accountId"), AccountId.MESSAGE));
        }
        EventReader.Result<AccountEvent> read = reader.read(catalog, prefix, accountId, eventId, type, occurredAt,
                expectedVersion, data, violations);
        if (read.problem() != null) {
            return new Result(null, read.problem());
        }
        PostedEvent<AccountEvent> posted = read.posted();
        return new Result(new EventSubmission(accountId, posted.eventId(), posted.occurredAt(), posted.expectedVersion(),
                posted.event(), posted.requestHash()), null);
    }

    /** Either a submission or a problem. */
    public record Result(EventSubmission submission, Problem problem) {
    }
}
