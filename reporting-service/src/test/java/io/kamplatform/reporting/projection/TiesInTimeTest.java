package io.kamplatform.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.store.FactStore;
import io.kamplatform.reporting.store.IncomingFact;
import io.kamplatform.reporting.store.StoredFact;
import io.kamplatform.reporting.store.SummaryStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Facts at the same instant keep the order their producer published them in. A poll is stored in one transaction, so
 * its facts share {@code projected_at}; ordered by event id after that, two objectives set at the same instant came
 * back in a random order (a plan report's objectives swapped from run to run). The topic position decides instead.
 */
@QuarkusTest
public class TiesInTimeTest {

    /** Stored directly, not published: the rebuild test leaves this source out (it replays the topics). */
    public static final String SOURCE = "/kam-platform/ties-test";

    @Inject
    FactStore facts;
    @Inject
    SummaryStore summaries;

    @Test
    void factsAtTheSameInstantComeInTopicOrderEverywhereAHistoryIsRead() {
        String account = "TIES-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
        String id = "evt-" + UUID.randomUUID();
        // published first, but its id sorts last
        IncomingFact first = fact(id + "-z", account, 41, at, "{\"objectiveId\":\"O-first\"}");
        IncomingFact second = fact(id + "-a", account, 42, at, "{\"objectiveId\":\"O-second\"}");
        facts.projectBatch(List.of(first, second)).await().atMost(Duration.ofSeconds(30)); // one transaction

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(ids(facts.factsOf(account, now).await().atMost(Duration.ofSeconds(30))))
                .as("an account report's history").containsExactly(id + "-z", id + "-a");
        assertThat(ids(facts.timeline(account, now, null, 0, 10).await().atMost(Duration.ofSeconds(30))))
                .as("the timeline").containsExactly(id + "-z", id + "-a");
        assertThat(ids(summaries.histories(List.of(account), now.toInstant()).await().atMost(Duration.ofSeconds(30))
                .get(account))).as("the read models' histories").containsExactly(id + "-z", id + "-a");
    }

    private static IncomingFact fact(String eventId, String account, long offset, OffsetDateTime at,
                                     String data) {
        return new IncomingFact(eventId, account, "ObjectiveSet", SOURCE, "kam.account.events", 0, offset, null, null, at,
                null, data);
    }

    private static List<String> ids(List<StoredFact> history) {
        return history.stream().map(StoredFact::eventId).toList();
    }
}
