package io.kamplatform.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Publisher;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The read queries hand their rows over on a worker thread, so the objects are built there and not on the SQL client's
 * event loop (which also serves HTTP requests and Kafka records). Each query's result is observed where the store
 * delivers it: a store that mapped its rows on the loop would deliver them on the loop too.
 */
@QuarkusTest
class RowsMappedOffTheLoopTest {

    @Inject
    SummaryStore summaries;

    @Inject
    FactStore facts;

    @Test
    void everyReadQueryDeliversItsRowsOnAWorker() {
        String account = Publisher.newAccountId();
        Instant now = Instant.now();
        try (Publisher p = new Publisher()) {
            p.publish(account, "AccountRegistered", now.minus(Duration.ofDays(3)).toString(), Fixtures.registered("Off Loop AG"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !facts.factsOf(account, now.atOffset(ZoneOffset.UTC))
                .await().atMost(Duration.ofSeconds(10)).isEmpty());

        Map<String, Uni<?>> queries = Map.ofEntries(
                Map.entry("accountsAsOf", summaries.accountsAsOf(now)),
                Map.entry("pointVersions", summaries.pointVersions(now.minus(Duration.ofDays(1)))),
                Map.entry("pointOf", summaries.pointOf(now.minus(Duration.ofDays(1)), List.of(account), false)),
                Map.entry("missingAt", summaries.missingAt(now, 10)),
                Map.entry("currentStates", summaries.currentStates(now)),
                Map.entry("markedStates", summaries.markedStates()),
                Map.entry("statesChangedSince", summaries.statesChangedSince(0)),
                Map.entry("currentOf", summaries.currentOf(List.of(account), false)),
                Map.entry("staleCurrent", summaries.staleCurrent(now, now, 10, true)),
                Map.entry("histories", summaries.histories(List.of(account), now)),
                Map.entry("factsOf", facts.factsOf(account, now.atOffset(ZoneOffset.UTC))),
                Map.entry("timeline", facts.timeline(account, now.atOffset(ZoneOffset.UTC), null, 0, 10)));
        List<String> onTheLoop = new ArrayList<>();
        queries.forEach((name, query) -> {
            boolean loop = query.map(result -> Context.isOnEventLoopThread()).await().atMost(Duration.ofSeconds(10));
            if (loop) {
                onTheLoop.add(name);
            }
        });
        assertThat(onTheLoop).as("queries whose rows were mapped on the SQL client's event loop").isEmpty();
    }
}
