package io.kamplatform.kit.recording;

import io.kamplatform.kit.store.NewEvent;
import io.kamplatform.kit.store.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The decisions of one recording transaction, in submission order: idempotency (a retry of a recorded event,
 * or of an earlier item of the same batch, answers with the original; a reused id with another body is
 * refused), stale expected versions, refusals, and the events to append. The domain decides the rest.
 */
public final class DecisionBatch<E> {

    private final Map<String, StoredEvent> existingById;
    private final Map<String, EventSubmission<E>> acceptedById = new HashMap<>();
    private final List<NewEvent> pending = new ArrayList<>();
    private final List<Object> results = new ArrayList<>();

    public DecisionBatch(List<StoredEvent> existing) {
        this.existingById = existing.stream().collect(Collectors.toMap(StoredEvent::eventId, Function.identity()));
    }

    /** True when idempotency already answers the submission: the domain must not decide it. */
    public boolean answeredByIdempotency(EventSubmission<E> submission) {
        StoredEvent earlier = existingById.get(submission.eventId());
        if (earlier != null) {
            results.add(sameContent(earlier.requestHash(), earlier.subject(), submission)
                    ? new RecordingOutcome.Replayed(earlier) : new RecordingOutcome.EventIdReused(submission.eventId()));
            return true;
        }
        EventSubmission<E> inBatch = acceptedById.get(submission.eventId());
        if (inBatch != null) {
            // A duplicate within the same batch answers like a retry of the first occurrence.
            results.add(sameContent(inBatch.requestHash(), inBatch.accountId(), submission)
                    ? new FirstOccurrence(inBatch.eventId()) : new RecordingOutcome.EventIdReused(submission.eventId()));
            return true;
        }
        return false;
    }

    /** True (and answered with a conflict) when the client expected another version of the target stream. */
    public boolean staleVersion(EventSubmission<E> submission, long currentVersion) {
        if (submission.expectedVersion() != null && submission.expectedVersion() != currentVersion) {
            results.add(new RecordingOutcome.VersionConflict(submission.expectedVersion(), currentVersion));
            return true;
        }
        return false;
    }

    public void refuse(RecordingOutcome outcome) {
        results.add(outcome);
    }

    public void accept(EventSubmission<E> submission, List<NewEvent> events) {
        pending.addAll(events);
        acceptedById.put(submission.eventId(), submission);
        results.add(submission);
    }

    public List<NewEvent> pending() {
        return pending;
    }

    /** One outcome per submission, once the pending events are appended. */
    public List<RecordingOutcome> outcomes(List<StoredEvent> appended) {
        Map<String, StoredEvent> appendedById = appended.stream()
                .collect(Collectors.toMap(StoredEvent::eventId, Function.identity(), (first, second) -> first));
        List<RecordingOutcome> outcomes = new ArrayList<>(results.size());
        for (Object result : results) {
            switch (result) {
                case RecordingOutcome outcome -> outcomes.add(outcome);
                case FirstOccurrence first -> outcomes.add(new RecordingOutcome.Replayed(appendedById.get(first.eventId())));
                case EventSubmission<?> accepted -> outcomes.add(new RecordingOutcome.Recorded(appendedById.get(accepted.eventId())));
                default -> throw new IllegalStateException("unexpected " + result);
            }
        }
        return outcomes;
    }

    private static boolean sameContent(String hash, String subject, EventSubmission<?> submission) {
        return hash.equals(submission.requestHash()) && subject.equals(submission.accountId());
    }

    private record FirstOccurrence(String eventId) {
    }
}
