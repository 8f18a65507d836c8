package io.kamplatform.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.application.AccountSummarizer;
import io.kamplatform.reporting.application.AccountSummary;
import io.kamplatform.reporting.application.PortfolioReadModel;
import io.kamplatform.reporting.application.ReadModelConfig;
import io.kamplatform.reporting.application.RebuildUnderway;
import io.kamplatform.reporting.domain.facts.RecordedFact;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.IncomingFact;
import io.kamplatform.reporting.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * kam.read-models.month-ends: the summaries at the last month ends are computed in the background, without anyone
 * asking, and are the fold at each month end; a late event deletes those it makes wrong, and they come back right.
 */
@QuarkusTest
@TestProfile(MonthEndsKeptTest.ThreeMonthEnds.class)
class MonthEndsKeptTest {

    public static class ThreeMonthEnds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kam.read-models.month-ends", "3");
        }
    }

    static final String SOURCE = "/kam-platform/month-ends-test";

    @Inject
    FactStore facts;
    @Inject
    PortfolioReadModel readModel;
    @Inject
    AccountSummarizer summarizer;
    @Inject
    ObjectMapper mapper;
    @Inject
    Pool pool;
    @Inject
    RebuildUnderway rebuild;
    @Inject
    ReadModelConfig config;

    @Test
    void theLastMonthEndsAreKeptAheadAndMendedAfterALateEvent() throws Exception {
        String account = "MONTH-ENDS-" + UUID.randomUUID().toString().substring(0, 8);
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        List<Instant> monthEnds = List.of(end(thisMonth.minusMonths(1)), end(thisMonth.minusMonths(2)), end(thisMonth.minusMonths(3)));
        List<IncomingFact> history = new ArrayList<>();
        Instant registered = thisMonth.minusMonths(6).atDay(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        history.add(fact(account, "AccountRegistered", registered, Fixtures.registered(account)));
        history.add(fact(account, "KeyAccountDesignated", registered.plusSeconds(60), Fixtures.designated()));
        for (int m = 6; m >= 1; m--) {
            YearMonth month = thisMonth.minusMonths(m);
            history.add(fact(account, "RevenueRecognized", month.atDay(20).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    Fixtures.revenue(month.toString(), "1000.00", "700.00")));
        }
        facts.projectBatch(history).await().atMost(Duration.ofSeconds(30));

        awaitKept(account, monthEnds);
        for (Instant monthEnd : monthEnds) {
            assertThat(keptSummary(account, monthEnd)).as("kept at %s", monthEnd).isEqualTo(fold(account, history, monthEnd));
        }
        assertThat(keptAt(account, end(thisMonth.minusMonths(4)))).as("only the last three month ends are kept").isFalse();

        // A late correction: revenue for the month before last, recorded only now, happened before two kept month ends.
        YearMonth late = thisMonth.minusMonths(2);
        IncomingFact correction = fact(account, "RevenueRecognized", late.atDay(25).atStartOfDay(ZoneOffset.UTC).toInstant(),
                Fixtures.revenue(late.toString(), "50000.00", "1000.00"));
        AccountSummary before = keptSummary(account, monthEnds.get(0));
        facts.projectBatch(List.of(correction)).await().atMost(Duration.ofSeconds(30));
        history.add(correction);
        assertThat(keptAt(account, monthEnds.get(2))).as("a month end before the late event stays").isTrue();

        awaitKept(account, monthEnds);
        for (Instant monthEnd : monthEnds) {
            assertThat(keptSummary(account, monthEnd)).as("mended at %s", monthEnd).isEqualTo(fold(account, history, monthEnd));
        }
        assertThat(keptSummary(account, monthEnds.get(0)).dependency().revenue())
                .as("the late revenue counts").isGreaterThan(before.dependency().revenue());
    }

    /**
     * While this instance rebuilds, the month ends wait (the switch replaces the tables they would be written to, and
     * the warm-up needs the CPU); afterwards they are kept as before.
     */
    @Test
    void theMonthEndsWaitWhileARebuildRuns() {
        String account = "MONTH-ENDS-RB-" + UUID.randomUUID().toString().substring(0, 8);
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        Instant lastMonthEnd = end(thisMonth.minusMonths(1));
        Instant registered = thisMonth.minusMonths(2).atDay(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        rebuild.begin();
        try {
            facts.projectBatch(List.of(fact(account, "AccountRegistered", registered, Fixtures.registered(account)),
                    fact(account, "RevenueRecognized", registered.plusSeconds(3600),
                            Fixtures.revenue(thisMonth.minusMonths(2).toString(), "1000.00", "700.00"))))
                    .await().atMost(Duration.ofSeconds(30));
            // fifteen refresh intervals after the facts, and past the quiet time the month ends wait for: without the
            // rebuild they would be kept by now (the first test sees them within a few intervals)
            Duration intervals = config.refreshInterval().multipliedBy(15);
            await().pollDelay(intervals).atMost(Duration.ofSeconds(30)).until(() -> readModel.sinceLastAsked()
                    .compareTo(config.monthEndsAfterQuiet().plus(intervals)) >= 0);
            assertThat(keptAt(account, lastMonthEnd)).as("no month end kept while a rebuild runs").isFalse();
        } finally {
            rebuild.end();
        }
        awaitKept(account, List.of(lastMonthEnd));
    }

    private void awaitKept(String account, List<Instant> monthEnds) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Set<Instant> kept = new HashSet<>();
            for (Instant monthEnd : monthEnds) {
                if (keptAt(account, monthEnd)) {
                    kept.add(monthEnd);
                }
            }
            assertThat(kept).as("month ends kept for %s without being asked", account).containsExactlyInAnyOrderElementsOf(monthEnds);
        });
    }

    private boolean keptAt(String account, Instant at) {
        return pool.preparedQuery("SELECT 1 FROM account_summaries WHERE account_id = $1 AND as_of = $2")
                .execute(Tuple.of(account, at.atOffset(ZoneOffset.UTC))).await().atMost(Duration.ofSeconds(10)).rowCount() == 1;
    }

    /** The summary read at the point: the kept one (the account has its row there, so nothing is computed for it). */
    private AccountSummary keptSummary(String account, Instant at) {
        return readModel.point(at, false).await().atMost(Duration.ofSeconds(60)).accounts().stream()
                .filter(s -> s.accountId().equals(account)).findFirst().orElseThrow();
    }

    private AccountSummary fold(String account, List<IncomingFact> history, Instant at) throws Exception {
        List<RecordedFact> recorded = new ArrayList<>();
        for (IncomingFact f : history) {
            recorded.add(new RecordedFact(f.eventId(), f.source(), f.type(), f.accountId(), f.occurredAt().toInstant(),
                    mapper.readTree(f.data())));
        }
        return summarizer.summarize(account, recorded, at).withoutEvidence();
    }

    private static Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS);
    }

    private static IncomingFact fact(String account, String type, Instant at, String data) {
        return Fixtures.direct(SOURCE, account, type, at, data);
    }
}
