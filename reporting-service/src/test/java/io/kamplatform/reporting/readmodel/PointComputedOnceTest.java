package io.kamplatform.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.application.AccountAssessor;
import io.kamplatform.reporting.application.AccountSummary;
import io.kamplatform.reporting.application.PortfolioReadModel;
import io.kamplatform.reporting.application.SummariesInFlight;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.SummaryStore;
import io.kamplatform.reporting.store.SummaryStore.AccountVersion;
import io.kamplatform.reporting.support.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new past point is folded once however many ask for it at the same time: a question about a point whose summaries
 * another caller is computing waits for that caller's summaries instead of folding every account again, fails with that
 * computation, and computes them itself when that caller went away. Here the test is the other caller: it claims the
 * point's accounts itself.
 */
@QuarkusTest
public class PointComputedOnceTest {

    public static final String SOURCE = "/kam-platform/point-once-test";
    static final String CLAIMED = "claimed-by-the-test";

    @Inject
    FactStore facts;
    @Inject
    SummaryStore store;
    @Inject
    PortfolioReadModel readModel;
    @Inject
    SummariesInFlight inFlight;
    @Inject
    AccountAssessor assessor;
    @Inject
    MeterRegistry registry;
    @Inject
    Pool pool;

    private String account;

    @BeforeEach
    void anAccountWithHistory() {
        account = "POINT-ONCE-" + UUID.randomUUID().toString().substring(0, 8);
        Instant registered = Instant.parse("2025-01-10T09:00:00Z");
        facts.projectBatch(List.of(
                Fixtures.direct(SOURCE, account, "AccountRegistered", registered, Fixtures.registered(account)),
                Fixtures.direct(SOURCE, account, "RevenueRecognized", Instant.parse("2025-02-20T12:00:00Z"),
                        Fixtures.revenue("2025-02", "1000.00", "700.00")))).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void aQuestionAboutAPointBeingComputedWaitsForThoseSummariesAndFoldsNone() throws Exception {
        Instant point = newPoint();
        List<AccountVersion> accounts = missingAt(point);
        assertThat(accounts).extracting(AccountVersion::accountId).contains(account);
        SummariesInFlight.Claim computing = inFlight.claimPoint(accounts, point);
        try {
            assertThat(computing.toCompute()).as("nobody else computes this point").hasSameSizeAs(accounts);
            double sharedBefore = shared();

            CompletableFuture<PortfolioReadModel.Summaries> asked = readModel.point(point, false)
                    .subscribeAsCompletionStage();
            Thread.sleep(500);
            assertThat(asked).as("it waits for the summaries being computed instead of folding them again").isNotDone();
            assertThat(shared() - sharedBefore).as("taken from the computation in flight").isPositive();

            Map<String, AccountSummary> folded = foldedAt(point);
            accounts.forEach(a -> computing.done(claimed(folded.get(a.accountId()))));
            AccountSummary ours = asked.get(60, TimeUnit.SECONDS).accounts().stream()
                    .filter(s -> s.accountId().equals(account)).findFirst().orElseThrow();
            assertThat(ours.sector()).as("the summary of the caller that computed it").isEqualTo(CLAIMED);
        } finally {
            computing.abandon(new IllegalStateException("the test ended")); // nothing left in flight if it failed
        }
    }

    @Test
    void whenTheComputingCallerGoesAwayTheQuestionFoldsThePointItself() throws Exception {
        Instant point = newPoint();
        List<AccountVersion> accounts = missingAt(point);
        SummariesInFlight.Claim computing = inFlight.claimPoint(accounts, point);
        double sharedBefore = shared();

        CompletableFuture<PortfolioReadModel.Summaries> asked = readModel.point(point, false).subscribeAsCompletionStage();
        Thread.sleep(300);
        assertThat(asked).isNotDone();
        assertThat(shared() - sharedBefore).as("it joined the computation in flight").isPositive();
        computing.abandon(new CancellationException("the other caller went away"));

        AccountSummary ours = asked.get(60, TimeUnit.SECONDS).accounts().stream()
                .filter(s -> s.accountId().equals(account)).findFirst().orElseThrow();
        assertThat(ours).as("folded here, as the fold gives it").isEqualTo(foldedAt(point).get(account).withoutEvidence());
        assertThat(missingAt(point)).extracting(AccountVersion::accountId).as("and kept at the point").doesNotContain(account);
        SummariesInFlight.Claim after = inFlight.claimPoint(accounts, point);
        after.abandon(new IllegalStateException("only looked"));
        assertThat(after.toCompute()).as("nothing left in flight: each summary it folded was handed to whoever waited")
                .hasSameSizeAs(accounts);
    }

    @Test
    void whenTheComputationFailsTheQuestionWaitingForItFailsWithItAndDoesNotFoldAgain() throws Exception {
        Instant point = newPoint();
        List<AccountVersion> accounts = missingAt(point);
        SummariesInFlight.Claim computing = inFlight.claimPoint(accounts, point);

        CompletableFuture<PortfolioReadModel.Summaries> asked = readModel.point(point, false).subscribeAsCompletionStage();
        Thread.sleep(300);
        computing.abandon(new IllegalStateException("the fold failed"));

        assertThat(asked).failsWithin(Duration.ofSeconds(30)).withThrowableThat().havingRootCause()
                .withMessage("the fold failed");
        assertThat(missingAt(point)).extracting(AccountVersion::accountId).as("nothing folded again").contains(account);
    }

    /**
     * A point's summaries are stored with their accounts read FOR SHARE; an account a projection holds is skipped, not
     * waited for: a projection's batch can lock accounts out of order, and a store waiting for one while holding another
     * deadlocked (ReadModelOracleTest, 2026-12-04). Here an open transaction holds our account as a projection would.
     */
    @Test
    void storingAPointNeverWaitsForAnAccountAProjectionHolds() throws Exception {
        Instant point = newPoint();
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction projection = connection.begin().await().atMost(Duration.ofSeconds(10));
        try {
            connection.preparedQuery("SELECT 1 FROM accounts WHERE account_id = $1 FOR NO KEY UPDATE")
                    .execute(Tuple.of(account)).await().atMost(Duration.ofSeconds(10));

            PortfolioReadModel.Summaries answer = readModel.point(point, false).await().atMost(Duration.ofSeconds(60));

            assertThat(answer.accounts()).extracting(AccountSummary::accountId).as("answered, ours included").contains(account);
            List<String> missing = missingAt(point).stream().map(AccountVersion::accountId).toList();
            assertThat(missing).as("ours not stored while a projection holds it").contains(account);
        } finally {
            projection.rollback().await().atMost(Duration.ofSeconds(10));
            connection.close().await().atMost(Duration.ofSeconds(10));
        }
        readModel.point(point, false).await().atMost(Duration.ofSeconds(60));
        assertThat(missingAt(point)).extracting(AccountVersion::accountId).as("stored by the next question")
                .doesNotContain(account);
    }

    /** A past instant no other test asks about (its microseconds at random). */
    private static Instant newPoint() {
        return Instant.parse("2025-06-15T10:00:00Z").plus(ThreadLocalRandom.current().nextLong(1, 86_400_000_000L),
                ChronoUnit.MICROS);
    }

    /** The accounts with a fact by {@code point} and no summary kept there, as a question about the point finds them. */
    private List<AccountVersion> missingAt(Instant point) {
        Map<String, ?> kept = store.pointVersions(point).await().atMost(Duration.ofSeconds(10));
        return store.accountsAsOf(point).await().atMost(Duration.ofSeconds(10)).stream()
                .filter(a -> !kept.containsKey(a.accountId())).toList();
    }

    private Map<String, AccountSummary> foldedAt(Instant point) {
        return readModel.folded(point, assessor.model(), true).await().atMost(Duration.ofSeconds(60)).accounts().stream()
                .collect(Collectors.toMap(AccountSummary::accountId, Function.identity()));
    }

    private double shared() {
        return registry.get("kam.read-models.point.shared").counter().count();
    }

    private static AccountSummary claimed(AccountSummary s) {
        return new AccountSummary(s.accountId(), s.asOf(), s.keyAccount(), s.dependency(), s.health(), s.margin(),
                s.neglected(), s.keyAccountView(), CLAIMED, s.plan());
    }
}
