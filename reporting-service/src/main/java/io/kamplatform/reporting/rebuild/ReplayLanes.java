package io.kamplatform.reporting.rebuild;

import io.kamplatform.reporting.projection.ProjectionConfig;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.IncomingFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The replay's writers, one per lane, each an account's only one: a poll's facts are split by account and each lane's
 * share goes to its {@link ReplayWriter} (its own connection and transaction), in poll order. One PostgreSQL backend
 * was the replay's limit (busy about 90% of the time, while the two cores were 1.24–1.57 busy in all), and what the
 * projection's SQL orders is an account's facts: its streams, its events without a stream id, its row in
 * {@code accounts}. The producers key their records by account, so a partition orders an account's records and
 * nothing across accounts; the lanes keep exactly that order. Lanes write disjoint rows, so they do not wait on each
 * other (an event id reused across accounts, a producer's bug, makes one lane's batch fail and be stored one fact at a
 * time, as any refused batch is).
 */
final class ReplayLanes implements AutoCloseable {

    private final List<ReplayWriter> writers;

    ReplayLanes(int lanes, FactStore store, ProjectionConfig projection) {
        if (lanes < 1) {
            throw new IllegalArgumentException("kam.read-models.rebuild-writers must be at least 1, was " + lanes);
        }
        writers = new ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) {
            writers.add(new ReplayWriter(store, projection, "kam-read-model-rebuild-writer-" + i));
        }
    }

    /** The lane that writes {@code accountId}'s facts. */
    static int laneOf(String accountId, int lanes) {
        return Math.floorMod(Objects.hashCode(accountId), lanes);
    }

    /**
     * Splits the facts by lane, keeping their order, and hands each share to its writer (waiting for its batch in
     * flight). {@code records}: how many records the facts were read from; the unreadable ones count on the first lane.
     */
    void write(List<IncomingFact> facts, int records) {
        int lanes = writers.size();
        List<List<IncomingFact>> shares = split(facts, lanes);
        for (int i = 0; i < lanes; i++) {
            List<IncomingFact> share = shares.get(i);
            writers.get(i).write(share, share.size() + (i == 0 ? records - facts.size() : 0));
        }
    }

    static List<List<IncomingFact>> split(List<IncomingFact> facts, int lanes) {
        List<List<IncomingFact>> shares = new ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) {
            shares.add(new ArrayList<>(facts.size() / lanes + 16));
        }
        for (IncomingFact fact : facts) {
            shares.get(laneOf(fact.accountId(), lanes)).add(fact);
        }
        return shares;
    }

    /** Waits until every batch handed over is stored (throwing the first failure). */
    void awaitStored() {
        writers.forEach(ReplayWriter::awaitStored);
    }

    long recordsDone() {
        return writers.stream().mapToLong(ReplayWriter::recordsDone).sum();
    }

    long rejected() {
        return writers.stream().mapToLong(ReplayWriter::rejected).sum();
    }

    @Override
    public void close() {
        writers.forEach(ReplayWriter::close);
    }
}
