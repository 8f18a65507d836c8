package io.kamplatform.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.application.AccountSummary;
import io.kamplatform.reporting.application.CurrentStatesMirror;
import io.kamplatform.reporting.application.CurrentSummaryCache;
import io.kamplatform.reporting.application.CurrentSummaryRefresher;
import io.kamplatform.reporting.application.PortfolioReadModel;
import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.SummaryStore.CurrentState;
import io.kamplatform.reporting.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A portfolio report for now takes again, without a look-up, the summaries the last one took for the very same state
 * objects (the mirror keeps an account's state object while its versions and as_of stay the same). What must hold: a
 * changed account is never answered from what was taken before, a report with evidence never from summaries kept
 * without it, and the mirror hands out the same object exactly while a state is unchanged, across a full read too. The
 * refresher is idle (first run an hour away), so the test decides when summaries are computed.
 */
@QuarkusTest
@TestProfile(FoldedHealthKeptTest.RefresherIdle.class)
class CurrentSummariesTakenAgainTest {

    @Inject
    FactStore facts;
    @Inject
    CurrentStatesMirror mirror;
    @Inject
    CurrentSummaryRefresher refresher;
    @Inject
    PortfolioReadModel readModel;
    @Inject
    CurrentSummaryCache cache;

    @Test
    void aChangedAccountIsAnsweredFromItsNewSummaryAndEvidenceIsNeverTakenFromMemory() {
        String account = CurrentHealthReportTest.account(facts, "TAKEN", true);
        String other = CurrentHealthReportTest.account(facts, "TAKEN-OTHER", true);
        computed(account, other);
        BigDecimal before = summaryOf(account, false).dependency().revenue();
        AccountSummary otherBefore = summaryOf(other, false);
        cache.retainOnly(Set.of()); // from here on the same parsed object can only come from what a report took
        assertThat(summaryOf(other, false)).as("taken again from the last report, not parsed again")
                .isSameAs(otherBefore);

        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        facts.projectBatch(List.of(CurrentHealthReportTest.fact(account, "RevenueRecognized",
                lastMonth.atDay(25).atStartOfDay(ZoneOffset.UTC).toInstant(),
                Fixtures.revenue(lastMonth.toString(), "500.00", "300.00")))).await().atMost(Duration.ofSeconds(30));
        computed(account);

        assertThat(summaryOf(account, false).dependency().revenue()).as("the summary computed after the new fact")
                .isEqualByComparingTo(before.add(new BigDecimal("500.00")));
        assertThat(summaryOf(other, false)).as("an account that did not change: what was taken before")
                .isSameAs(otherBefore);
        assertThat(summaryOf(account, true).dependency().revenueEventIds())
                .as("with evidence: read from the rows, never from the summaries taken without it").hasSize(8);
        assertThat(summaryOf(account, false).dependency().revenueEventIds())
                .as("and a report with evidence leaves nothing with evidence to be taken again without it").isEmpty();
    }

    @Test
    void theMirrorHandsOutTheSameStateObjectExactlyWhileTheStateIsUnchanged() {
        String unchanged = CurrentHealthReportTest.account(facts, "SAME", true);
        String changed = CurrentHealthReportTest.account(facts, "CHANGED", true);
        computed(unchanged, changed);
        List<CurrentState> first = statesNow();

        facts.projectBatch(List.of(CurrentHealthReportTest.fact(changed, "SalesPotentialAssessed",
                Instant.now().minusSeconds(60), Fixtures.potential("900")))).await().atMost(Duration.ofSeconds(30));
        List<CurrentState> second = statesNow();
        assertSameObjectWhileEqual(first, second);
        assertThat(stateIn(second, unchanged)).as("unchanged").isSameAs(stateIn(first, unchanged));
        assertThat(stateIn(second, changed).accountVersion()).as("changed").isEqualTo(stateIn(first, changed).accountVersion() + 1);

        mirror.readAllNext();
        List<CurrentState> afterFullRead = statesNow();
        assertSameObjectWhileEqual(second, afterFullRead);
        assertThat(stateIn(afterFullRead, unchanged)).as("unchanged, after a full read").isSameAs(stateIn(first, unchanged));
        assertThat(afterFullRead).as("in account id order, as the reports place them")
                .isSortedAccordingTo(Comparator.comparing(CurrentState::accountId));
    }

    @Test
    void aPastQuestionLeavesOutTheAccountsWithoutAFactByThen() {
        Instant beforeIt = Instant.now().minusSeconds(30);
        String old = CurrentHealthReportTest.account(facts, "OLD", false);
        String account = "NEW-" + java.util.UUID.randomUUID();
        facts.projectBatch(List.of(CurrentHealthReportTest.fact(account, "AccountRegistered", Instant.now().minusSeconds(5),
                Fixtures.registered(account)))).await().atMost(Duration.ofSeconds(30));
        assertThat(mirror.at(Instant.now()).await().atMost(Duration.ofSeconds(10)))
                .anyMatch(s -> s.accountId().equals(account));
        assertThat(mirror.at(beforeIt).await().atMost(Duration.ofSeconds(10)))
                .as("registered after the instant asked").noneMatch(s -> s.accountId().equals(account))
                .as("registered months before it").anyMatch(s -> s.accountId().equals(old));
    }

    /** Every state equal to one read before it is the very object read before. */
    private static void assertSameObjectWhileEqual(List<CurrentState> before, List<CurrentState> after) {
        Map<String, CurrentState> earlier = new HashMap<>();
        before.forEach(s -> earlier.put(s.accountId(), s));
        for (CurrentState s : after) {
            CurrentState e = earlier.get(s.accountId());
            if (s.equals(e)) {
                assertThat(s).as("unchanged state of %s", s.accountId()).isSameAs(e);
            }
        }
    }

    private List<CurrentState> statesNow() {
        return mirror.at(Instant.now()).await().atMost(Duration.ofSeconds(10));
    }

    private static CurrentState stateIn(List<CurrentState> states, String account) {
        return states.stream().filter(s -> s.accountId().equals(account)).findFirst().orElseThrow();
    }

    /** Runs the refresher until the accounts' current summaries are stored at their versions. */
    private void computed(String... accounts) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            refresher.refresh();
            List<CurrentState> states = statesNow();
            for (String account : accounts) {
                CurrentState s = stateIn(states, account);
                if (s.summaryVersion() == null || s.summaryVersion() != s.accountVersion()) {
                    return false;
                }
            }
            return true;
        });
    }

    private AccountSummary summaryOf(String account, boolean evidence) {
        // no summary computed by the report itself: each account's stored one, as a report under load answers
        return readModel.current(Instant.now(), evidence, 0).await().atMost(Duration.ofSeconds(30)).accounts().stream()
                .filter(s -> s.accountId().equals(account)).findFirst().orElseThrow();
    }
}
