package io.kamplatform.kit.recording;

import io.kamplatform.kit.decider.Decision;
import java.time.Instant;
import java.util.List;

/**
 * One kind of stream a writer keeps (an account, a relationship record, a contract), as the {@link EventRecorder}
 * needs it: how its state is folded, how a submission becomes the decider's command, and the stream version.
 * Implementations are thin adapters around the aggregate's {@code replay}/{@code evolve} and its pure decider.
 *
 * @param <E> the writer's events
 * @param <S> the state of this kind of stream
 */
public interface StreamKind<E, S> {

    /** The state of a stream from its history (empty for a new stream); {@code subject} is the account it is about. */
    S replay(String streamId, String subject, List<E> history);

    long version(S state);

    /** Builds the command and asks the pure decider. */
    Decision<? extends E> decide(S state, EventSubmission<E> submission, Instant now);

    /** The state after one more event about {@code subject} (the account of the stream). */
    S evolve(S state, String subject, E event);

    /**
     * The state after events stored after {@code state}'s ({@link StreamStates}): {@link #evolve} over them, which must
     * equal {@link #replay} of the whole history (every writer's replay is that fold; its tests check it).
     */
    default S resume(S state, String subject, List<E> newer) {
        for (E event : newer) {
            state = evolve(state, subject, event);
        }
        return state;
    }
}
