package io.kamplatform.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The summaries of the last few past points asked, parsed, in memory ({@code kam.read-models.parsed-points}): a
 * repeated question about a past asOf reads each account's small (account, version) row at that point and parses only
 * the summaries it lacks. An entry matches a stored row by its account version: a late event deletes the rows it makes
 * wrong and bumps the version, so a recomputed row never meets a stale entry. Without evidence, like
 * {@link CurrentSummaryCache}; the least recently asked point goes first. Memory: as the current cache, 40–50 MB per
 * point at 10,000 accounts.
 */
@ApplicationScoped
public class ParsedPoints {

    private record Entry(long version, AccountSummary summary) {
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

    /** The summary stored for the account at the point, computed from version, if parsed here. */
    public AccountSummary get(Instant asOf, String accountId, long version) {
        Map<String, Entry> point = point(asOf, false);
        Entry e = point == null ? null : point.get(accountId);
        return e != null && e.version == version ? e.summary : null;
    }

    /** Keeps the summary (its evidence dropped) stored at the point for the account at version. */
    public void put(Instant asOf, AccountSummary summary, long version) {
        Map<String, Entry> point = point(asOf, true);
        if (point != null) {
            point.put(summary.accountId(), new Entry(version, summary.withoutEvidence()));
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
