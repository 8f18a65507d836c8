package io.kamplatform.relationship.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kamplatform.kit.api.EventReader;
import io.kamplatform.kit.api.PostedEvent;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.Violation;
import io.kamplatform.relationship.application.EventSubmission;
import io.kamplatform.relationship.domain.contract.ContractEvent;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.RelationshipEventCatalog;
import io.kamplatform.relationship.store.RelationshipEventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a posted event into a submission aimed at its stream — the account's relationship record, or
 * the contract named in the data — or into a problem listing every invalid field.
 */
@ApplicationScoped
public class SubmissionReader {

    private final EventReader reader;
    private final RelationshipEventCatalog catalog;

    public SubmissionReader(EventReader reader, RelationshipEventCatalog catalog) {
        this.reader = reader;
        this.catalog = catalog;
    }

    public Result read(String prefix, String accountId, String eventId, String type, Instant occurredAt,
                       Long expectedVersion, JsonNode data) {
        List<Violation> violations = new ArrayList<>();
        if (accountId == null || !accountId.matches(EventReader.ID_PATTERN)) {
            violations.add(new Violation(EventReader.path(prefix, "accountId"), EventReader.ID_MESSAGE));
        }
        EventReader.Result<Object> read = reader.read(catalog, prefix, accountId, eventId, type, occurredAt,
                expectedVersion, data, violations);
        if (read.problem() != null) {
            return new Result(null, read.problem());
        }
        PostedEvent<Object> posted = read.posted();
        EventFamily family = RelationshipEventType.byName(posted.type()).orElseThrow().family();
        String streamId = posted.event() instanceof ContractEvent contract
                ? family.streamId(contract.contractId()) : family.streamId(accountId);
        return new Result(new EventSubmission(accountId, posted.eventId(), posted.type(), family, streamId,
                posted.occurredAt(), posted.expectedVersion(), posted.event(), posted.requestHash()), null);
    }

    /** Either a submission or a problem. */
    public record Result(EventSubmission submission, Problem problem) {
    }
}
