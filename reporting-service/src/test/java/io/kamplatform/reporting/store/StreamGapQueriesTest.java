package io.kamplatform.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.domain.completeness.MissingEvents;
import io.kamplatform.reporting.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The completeness queries every report runs ({@link StreamGapStore}) read only the streams with missing events, through
 * the partial index on them, and still find every gap: a stream with a gap always has a positive missing count (the sum
 * of its gaps' sizes), also after a late version split a gap and another filled one.
 */
@QuarkusTest
class StreamGapQueriesTest {

    static final String SOURCE = "/kam-platform/gap-queries-test";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    FactStore facts;
    @Inject
    StreamGapStore gaps;
    @Inject
    Pool pool;

    @Test
    void everyGapIsFoundAndItsStreamCountsItsSize() {
        String account = "GAPS-" + UUID.randomUUID().toString().substring(0, 8);
        String stream = account + "-stream";
        // versions 1, 5, 9, 10 and then 3 late, 7 late: gaps 2-4 and 6-8, split into 2, 4 and 6, 8
        List<IncomingFact> history = new ArrayList<>();
        for (long version : new long[] {1, 5, 9, 10, 3, 7}) {
            history.add(fact(account, stream, version));
        }
        facts.projectBatch(history).await().atMost(WAIT);

        assertThat(gaps.missingEventsOf(account).await().atMost(WAIT)).containsExactly(
                new MissingEvents(SOURCE, stream, 2, 2), new MissingEvents(SOURCE, stream, 4, 4),
                new MissingEvents(SOURCE, stream, 6, 6), new MissingEvents(SOURCE, stream, 8, 8));
        assertThat(gaps.incompleteAccounts().await().atMost(WAIT)).contains(account);
        assertThat(gaps.totals().await().atMost(WAIT).missingEvents()).isGreaterThanOrEqualTo(4);

        // the invariant the queries rest on, over every stream this test run projected
        Row mismatched = pool.query("SELECT count(*) AS streams FROM projected_streams s WHERE s.missing_events <> "
                + "coalesce((SELECT sum(g.to_version - g.from_version + 1) FROM stream_gaps g "
                + "WHERE g.source = s.source AND g.stream_id = s.stream_id), 0)").execute().await().atMost(WAIT)
                .iterator().next();
        assertThat(mismatched.getLong("streams")).isZero();
    }

    @Test
    void everyCompletenessQueryCanReadOnlyTheStreamsWithGaps() {
        for (String query : List.of(StreamGapStore.MISSING_OF_ACCOUNT, StreamGapStore.INCOMPLETE_ACCOUNTS,
                StreamGapStore.TOTALS)) {
            // With sequential scans priced out, the planner takes the partial index whenever the query allows it.
            String plan = pool.withTransaction(connection -> connection.query("SET LOCAL enable_seqscan = off").execute()
                    .chain(() -> connection.preparedQuery("EXPLAIN " + query)
                            .execute(query.contains("$1") ? Tuple.of("ANY-ACCOUNT") : Tuple.tuple()))
                    .map(rows -> {
                        StringBuilder text = new StringBuilder();
                        rows.forEach(row -> text.append(row.getString(0)).append('\n'));
                        return text.toString();
                    })).await().atMost(WAIT);
            assertThat(plan).as(query).contains("projected_streams_by_account");
        }
    }

    private static IncomingFact fact(String account, String stream, long version) {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC).plusDays(version);
        return new IncomingFact("evt-" + UUID.randomUUID(), account, "RevenueRecognized", SOURCE, Fixtures.ACCOUNTS, 0, 0,
                stream, version, at, null, Fixtures.revenue("2025-12", "100.00", "60.00"));
    }
}
