package io.kamplatform.kit.recording;

import io.kamplatform.kit.recording.StreamStates.Planned;
import io.kamplatform.kit.recording.StreamStates.Remembered;
import io.kamplatform.kit.store.EventCodec;
import io.kamplatform.kit.store.EventStore;
import io.kamplatform.kit.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * What one recording transaction read of its streams, and the state each reached: resumed from {@link StreamStates}
 * with the events stored since, or replayed whole. Every state it folds from stored events is remembered.
 */
final class StreamReads {

    private static final Logger LOG = Logger.getLogger(StreamReads.class);

    private final StreamStates memory;
    private final Map<String, Planned> plans;
    private final Map<String, List<StoredEvent>> rows;

    private StreamReads(StreamStates memory, Map<String, Planned> plans, Map<String, List<StoredEvent>> rows) {
        this.memory = memory;
        this.plans = plans;
        this.rows = rows;
    }

    /**
     * Reads the streams: each from its remembered version (that row included, to check it) or whole; a stream whose
     * remembered row is not in the store is read again whole, in the same transaction.
     */
    static Uni<StreamReads> read(StreamStates memory, EventStore store, SqlConnection connection,
                                 Collection<String> streamIds) {
        Map<String, Planned> plans = memory.plan(streamIds);
        Map<String, Long> from = new HashMap<>();
        plans.forEach((streamId, plan) -> from.put(streamId, plan.fromVersion()));
        return store.loadStreamsFrom(connection, from).flatMap(events -> {
            Map<String, List<StoredEvent>> rows = events.stream().collect(Collectors.groupingBy(StoredEvent::streamId));
            List<String> unmatched = new ArrayList<>();
            for (Map.Entry<String, Planned> entry : plans.entrySet()) {
                String streamId = entry.getKey();
                Planned plan = entry.getValue();
                if (plan.remembered() != null && !holds(rows.getOrDefault(streamId, List.of()), plan.remembered())) {
                    LOG.warnf("stream %s: the store does not hold its remembered event %s at version %d (database "
                                    + "restored or switched?); replaying it whole", streamId,
                            plan.remembered().eventId(), plan.remembered().version());
                    memory.countMismatched();
                    memory.forget(streamId);
                    entry.setValue(new Planned(null, false));
                    if (!plan.verify()) { // read from the remembered version on: read it again whole
                        rows.remove(streamId);
                        unmatched.add(streamId);
                    }
                }
            }
            Uni<List<StoredEvent>> whole = unmatched.isEmpty() ? Uni.createFrom().item(List.of())
                    : store.loadStreams(connection, unmatched);
            return whole.map(again -> {
                again.stream().collect(Collectors.groupingBy(StoredEvent::streamId)).forEach(rows::put);
                return new StreamReads(memory, plans, rows);
            });
        });
    }

    /** Whether the rows hold the remembered event at its version. */
    private static boolean holds(List<StoredEvent> rows, Remembered remembered) {
        for (StoredEvent row : rows) {
            if (row.version() == remembered.version()) {
                return row.eventId().equals(remembered.eventId());
            }
        }
        return false;
    }

    /** The stream's state at its latest stored event; {@code subject} is used for a stream with no event yet. */
    <E, S> S state(String streamId, StreamKind<E, S> kind, EventCodec<E> codec, String subject) {
        List<StoredEvent> events = rows.getOrDefault(streamId, List.of());
        Planned plan = plans.get(streamId); // every stream of the transaction was planned
        Remembered remembered = plan.remembered();
        S state;
        if (remembered == null) {
            state = replay(streamId, kind, codec, events, subject);
            memory.countReplayed();
        } else {
            state = resume(remembered, kind, codec, events);
            memory.countResumed();
            if (plan.verify()) {
                S replayed = replay(streamId, kind, codec, events, subject);
                if (!replayed.equals(state)) {
                    LOG.errorf("stream %s: the state resumed from memory at version %d differs from its whole replay "
                            + "at version %d; the replay is used", streamId, remembered.version(), kind.version(replayed));
                    memory.countDiverged();
                    state = replayed;
                }
            }
        }
        if (!events.isEmpty()) {
            StoredEvent last = events.get(events.size() - 1);
            if (kind.version(state) == last.version()) { // a state that does not count its events is not kept
                memory.remember(streamId, new Remembered(remembered != null ? remembered.subject()
                        : events.get(0).subject(), last.version(), last.eventId(), state));
            }
        }
        return state;
    }

    private static <E, S> S replay(String streamId, StreamKind<E, S> kind, EventCodec<E> codec,
                                   List<StoredEvent> events, String subject) {
        return kind.replay(streamId, events.isEmpty() ? subject : events.get(0).subject(),
                events.stream().map(codec::decode).toList());
    }

    @SuppressWarnings("unchecked") // a stream id always names streams of one kind
    private static <E, S> S resume(Remembered remembered, StreamKind<E, S> kind, EventCodec<E> codec,
                                   List<StoredEvent> events) {
        List<E> newer = new ArrayList<>();
        for (StoredEvent event : events) {
            if (event.version() > remembered.version()) {
                newer.add(codec.decode(event));
            }
        }
        return newer.isEmpty() ? (S) remembered.state()
                : kind.resume((S) remembered.state(), remembered.subject(), newer);
    }
}
