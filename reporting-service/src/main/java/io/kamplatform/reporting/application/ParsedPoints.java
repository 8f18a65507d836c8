package io.kamplatform.reporting.application;

import io.kamplatform.reporting.store.SummaryStore.PointRow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The summaries of the last few past points asked, parsed, in memory ({@code kam.read-models.parsed-points}): a
 * repeated question about a past asOf reads each account's small (account, version) row at that point and parses only
 * the summaries it lacks. An entry matches a stored row by its account version and the instant the row was stored at:
 * a late event deletes the rows it makes wrong and bumps the version, but a row deleted and computed again at the same
 * version (the read-model audit's repair, a rebuild, on this instance or another replica) is a new row all the same,
 * so a recomputed row never meets a stale entry. Without evidence, like
 * {@link CurrentSummaryCache}; the least recently asked point goes first. Memory: as the current cache, 40–50 MB per
 * point at 10,000 accounts.
 */
@ApplicationScoped
public class ParsedPoints {

    private record Entry(PointRow row, AccountSummary summary) {
    }

    private final int points;
    private final Map<Instant, Map<String, Entry>> byPoint;

    @Inject
    public ParsedPoints(ReadModelConfig config) {
        this.points = config.parsedPoints();
        this.byPoint = new LinkedHashMap<>(16, 0.75f, true);
    }

    protected ParsedPoints() {
        this.points = 0;
        this.byPoint = new LinkedHashMap<>();
    }

    /** Keeps nothing: for a rebuild warming fresh tables. */
    public static ParsedPoints none() {
        return new ParsedPoints();
    }

    /** The summary stored for the account at the point as {@code row}, if parsed here. */
    public AccountSummary get(Instant asOf, String accountId, PointRow row) {
        Map<String, Entry> point = point(asOf, false);
        Entry e = point == null ? null : point.get(accountId);
        return e != null && e.row.equals(row) ? e.summary : null;
    }

    /** Keeps the summary (its evidence dropped) stored at the point for the account as {@code row}. */
    public void put(Instant asOf, AccountSummary summary, PointRow row) {
        Map<String, Entry> point = point(asOf, true);
        if (point != null) {
            point.put(summary.accountId(), new Entry(row, summary.withoutEvidence()));
        }
    }

    private synchronized Map<String, Entry> point(Instant asOf, boolean create) {
        if (points <= 0) {
            return null;
        }
        Map<String, Entry> point = byPoint.get(asOf);
        if (point == null && create) {
            point = new ConcurrentHashMap<>();
            byPoint.put(asOf, point);
            while (byPoint.size() > points) {
                byPoint.remove(byPoint.keySet().iterator().next());
            }
        }
        return point;
    }
}
