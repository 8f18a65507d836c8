package io.kamplatform.kit.recording;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.Optional;

/**
 * What a writer adds to the {@link EventRecorder} template: the facts it looks up besides the streams (registered
 * parents, accounts known from Kafka), a refusal that comes before any stream is consulted, and the kind of stream
 * each submission goes to.
 *
 * @param <E> the writer's events
 * @param <X> what {@link #lookUp} reads for one transaction
 */
public interface RecordingRules<E, X> {

    /** Reads besides the streams and the event ids; like them, done before the single append. */
    Uni<X> lookUp(SqlConnection connection, List<EventSubmission<E>> submissions);

    /** Refuses a submission before its stream is consulted (e.g. an unknown account); empty to go on. */
    default Optional<RecordingOutcome> refusal(EventSubmission<E> submission, X facts) {
        return Optional.empty();
    }

    /** The kind of stream the submission goes to. */
    StreamKind<E, ?> streamKind(EventSubmission<E> submission, X facts);

    /** Called once a submission is accepted, so later items of the same batch see its effect on the facts. */
    default void accepted(EventSubmission<E> submission, List<? extends E> events, X facts) {
    }
}
