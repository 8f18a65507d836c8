package io.kamplatform.kit.recording;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The state each stream reached at its latest stored event, kept in memory so that a command reads only the events
 * stored since (none, or the few another replica appended) instead of folding its whole stream again: the load was
 * about a quarter of account-service's sampled time under ingest (JFR), and read as many PostgreSQL rows a command as
 * the stream is long.
 * <ul>
 * <li><b>Only stored events make a remembered state:</b> it is the fold of rows this instance read (committed, since
 * every read precedes the transaction's own append), never of events it is about to append, so a transaction that
 * rolls back leaves nothing wrong behind, and no encoding round trip can make it differ from a replay.</li>
 * <li><b>Checked on every use:</b> the read starts at the remembered version and must return that row with the
 * remembered event id; otherwise (a database restored to an earlier point, another set of tables) the stream is
 * replayed whole, counted as {@code mismatched} and logged.</li>
 * <li><b>Checked while running:</b> every {@code verify-every}-th resume also replays the whole stream and compares;
 * a difference is counted as {@code diverged}, logged, and the replayed state is used. It should stay 0.</li>
 * <li><b>Bounded:</b> at most {@code max-entries} streams, the least recently used dropped first; 0 turns it off.</li>
 * </ul>
 * Metric: {@code kam_recording_stream_states_total{outcome=resumed|replayed|mismatched|diverged}}.
 */
@Singleton
public final class StreamStates {

    /** A stream's state folded from its stored events up to {@code version}, the last of them {@code eventId}. */
    public record Remembered(String subject, long version, String eventId, Object state) {
    }

    private final int maxEntries;
    private final int verifyEvery;
    private final Counter resumed;
    private final Counter replayed;
    private final Counter mismatched;
    private final Counter diverged;
    private long resumes; // guarded by this
    private final LinkedHashMap<String, Remembered> byStream = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > maxEntries;
        }
    };

    @Inject
    public StreamStates(@ConfigProperty(name = "kam.recording.stream-states.max-entries", defaultValue = "10000")
                        int maxEntries,
                        @ConfigProperty(name = "kam.recording.stream-states.verify-every", defaultValue = "100")
                        int verifyEvery,
                        MeterRegistry registry) {
        if (maxEntries < 0 || verifyEvery < 0) {
            throw new IllegalArgumentException("max-entries and verify-every must be 0 or more");
        }
        this.maxEntries = maxEntries;
        this.verifyEvery = verifyEvery;
        this.resumed = counter(registry, "resumed", "a state resumed from memory with the events stored since");
        this.replayed = counter(registry, "replayed", "a stream replayed whole (not in memory)");
        this.mismatched = counter(registry, "mismatched", "a remembered state whose last event the store did not "
                + "hold at its version (database restored or switched); replayed whole");
        this.diverged = counter(registry, "diverged", "a resumed state that differed from the whole replay checked "
                + "beside it; should stay 0");
        registry.gauge("kam.recording.stream-states.size", this, StreamStates::size);
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("kam.recording.stream-states").tag("outcome", outcome)
                .description("How a writer found a stream's state: " + description).register(registry);
    }

    /** What to read for each stream: from its remembered state, or whole (also to verify a remembered one). */
    synchronized Map<String, Planned> plan(Collection<String> streamIds) {
        Map<String, Planned> plans = new LinkedHashMap<>();
        for (String streamId : streamIds) {
            Remembered remembered = byStream.get(streamId);
            boolean verify = remembered != null && verifyEvery > 0 && ++resumes % verifyEvery == 0;
            plans.put(streamId, new Planned(remembered, verify));
        }
        return plans;
    }

    /** How one stream is read: {@code remembered} null or {@code verify}: whole; else from the remembered version. */
    record Planned(Remembered remembered, boolean verify) {

        long fromVersion() {
            return remembered == null || verify ? 0 : remembered.version();
        }
    }

    /**
     * Keeps the state folded from a stream's stored events (a newer version replaces an older one, never the reverse);
     * public so that tests can plant a state the store does not back.
     */
    public synchronized void remember(String streamId, Remembered state) {
        if (maxEntries == 0) {
            return;
        }
        Remembered held = byStream.get(streamId);
        if (held == null || held.version() <= state.version()) {
            byStream.put(streamId, state);
        }
    }

    /** The state remembered for a stream, if any. */
    public synchronized Optional<Remembered> remembered(String streamId) {
        return Optional.ofNullable(byStream.get(streamId));
    }

    /** Forgets a stream (its remembered state did not match the store). */
    synchronized void forget(String streamId) {
        byStream.remove(streamId);
    }

    public synchronized int size() {
        return byStream.size();
    }

    void countResumed() {
        resumed.increment();
    }

    void countReplayed() {
        replayed.increment();
    }

    void countMismatched() {
        mismatched.increment();
    }

    void countDiverged() {
        diverged.increment();
    }
}
