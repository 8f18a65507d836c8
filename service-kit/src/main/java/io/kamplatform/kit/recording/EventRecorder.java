package io.kamplatform.kit.recording;

import io.kamplatform.kit.decider.Decision;
import io.kamplatform.kit.decider.Rejection;
import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.store.NewEvent;
import io.kamplatform.kit.store.StoredEvent;
import io.micrometer.core.instrument.Metrics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Load, decide, append: how every writer records submissions, one event or a whole batch, in one transaction per
 * call ({@link RecordingTransaction}: a lost race runs again on fresh state). It reads the events already recorded
 * under the submitted ids, the target streams (from the state {@link StreamStates} remembers, when it has one, only
 * the events stored since) and the writer's own facts ({@link RecordingRules#lookUp}), then decides
 * each submission in order against the state its stream has reached — idempotency and stale versions
 * ({@link DecisionBatch}), the writer's refusal, the pure decider through the submission's {@link StreamKind} — and
 * appends everything accepted in one statement. All reads happen before that single append, so a transaction that
 * appends to a stream has a newer transaction id than every event it read; the outbox relay's per-account order
 * depends on it.
 *
 * @param <E> the writer's events
 */
public final class EventRecorder<E> {

    private final Pool pool;
    private final EventStore store;
    private final EventCodec<E> codec;
    private final RecordingRules<E, ?> rules;
    private final Clock clock;
    private final StreamStates streamStates;
    // Quarkus adds its Prometheus registry to Micrometer's global one; the writers build recorders without CDI.
    private final RecordingMetrics metrics;

    public EventRecorder(Pool pool, EventStore store, EventCodec<E> codec, RecordingRules<E, ?> rules, Clock clock,
                         StreamStates streamStates) {
        this.streamStates = streamStates;
        this.pool = pool;
        this.store = store;
        this.codec = codec;
        this.rules = rules;
        this.clock = clock;
        this.metrics = new RecordingMetrics(Metrics.globalRegistry);
    }

    public Uni<RecordingOutcome> record(EventSubmission<E> submission) {
        return recordAll(List.of(submission)).map(outcomes -> outcomes.get(0));
    }

    /** One outcome per submission, in order. Refused items do not stop the others. */
    public Uni<List<RecordingOutcome>> recordAll(List<EventSubmission<E>> submissions) {
        return RecordingTransaction.run(pool, connection -> recordIn(connection, submissions, rules))
                .invoke(outcomes -> metrics.count(submissions, outcomes));
    }

    private <X> Uni<List<RecordingOutcome>> recordIn(SqlConnection connection, List<EventSubmission<E>> submissions,
                                                     RecordingRules<E, X> rules) {
        Set<String> eventIds = submissions.stream().map(EventSubmission::eventId).collect(Collectors.toSet());
        Set<String> streamIds = submissions.stream().map(EventSubmission::streamId).collect(Collectors.toSet());
        return store.findByEventIds(connection, eventIds).flatMap(existing ->
                StreamReads.read(streamStates, store, connection, streamIds).flatMap(history ->
                        rules.lookUp(connection, submissions).flatMap(facts -> {
                            Decisions<X> decisions = new Decisions<>(existing, history, rules, facts, clock.instant());
                            submissions.forEach(decisions::decide);
                            return store.append(connection, decisions.batch.pending()).map(decisions.batch::outcomes);
                        })));
    }

    /** The decisions of one transaction, with the state each stream reaches along the way. */
    private final class Decisions<X> {
        private final DecisionBatch<E> batch;
        private final StreamReads stored;
        private final Map<String, Object> states = new HashMap<>();
        private final RecordingRules<E, X> rules;
        private final X facts;
        private final Instant now;

        Decisions(List<StoredEvent> existing, StreamReads history, RecordingRules<E, X> rules, X facts, Instant now) {
            this.batch = new DecisionBatch<>(existing);
            this.stored = history;
            this.rules = rules;
            this.facts = facts;
            this.now = now;
        }

        void decide(EventSubmission<E> submission) {
            if (batch.answeredByIdempotency(submission)) {
                return;
            }
            Optional<RecordingOutcome> refusal = rules.refusal(submission, facts);
            if (refusal.isPresent()) {
                batch.refuse(refusal.get());
                return;
            }
            decideOn(rules.streamKind(submission, facts), submission);
        }

        private <S> void decideOn(StreamKind<E, S> kind, EventSubmission<E> submission) {
            S state = state(kind, submission);
            if (batch.staleVersion(submission, kind.version(state))) {
                return;
            }
            switch (kind.decide(state, submission, now)) {
                case Decision.Rejected<? extends E> rejected -> batch.refuse(rejected(rejected.rejection()));
                case Decision.Accepted<? extends E> accepted -> {
                    S next = state;
                    List<NewEvent> appended = new ArrayList<>();
                    for (E event : accepted.events()) {
                        next = kind.evolve(next, submission.accountId(), event);
                        appended.add(newEvent(submission, event, kind.version(next)));
                    }
                    states.put(submission.streamId(), next);
                    rules.accepted(submission, accepted.events(), facts);
                    batch.accept(submission, appended);
                }
            }
        }

        /** The state the stream has reached in this transaction, from the store (or resumed from memory) on first use. */
        @SuppressWarnings("unchecked")
        private <S> S state(StreamKind<E, S> kind, EventSubmission<E> submission) {
            Object reached = states.get(submission.streamId());
            if (reached != null) {
                return (S) reached;
            }
            S state = stored.state(submission.streamId(), kind, codec, submission.accountId());
            states.put(submission.streamId(), state);
            return state;
        }

        private NewEvent newEvent(EventSubmission<E> submission, E event, long version) {
            return new NewEvent(submission.eventId(), submission.streamId(), submission.accountId(), version,
                    codec.catalog().of(event).typeName(), codec.catalog().schemaVersion(), codec.encode(event),
                    submission.occurredAt().atOffset(ZoneOffset.UTC), submission.requestHash());
        }
    }

    private static RecordingOutcome rejected(Rejection rejection) {
        return new RecordingOutcome.Rejected(rejection.code(), rejection.message(), rejection.field());
    }
}
