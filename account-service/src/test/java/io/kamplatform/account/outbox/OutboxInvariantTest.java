package io.kamplatform.account.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.kamplatform.account.support.AccountTopic;
import io.kamplatform.account.support.Batches;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.PublishedHistory;
import io.kamplatform.account.support.RelayPause;
import io.kamplatform.account.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running service checks its own outbox: the audit finds committed events left behind the checkpoint (what the
 * text-sorting relay did) and republishes them; an operator can see the state and republish a range; every session
 * commits durably.
 */
@QuarkusTest
class OutboxInvariantTest {

    @Inject
    Pool pool;

    static AccountTopic topic;

    @BeforeAll
    static void subscribe() {
        topic = new AccountTopic();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void eventsLeftBehindTheCheckpointAreFoundAndRepublishedByTheAudit() {
        audit().then().statusCode(200).body("outcome", equalTo("HELD"));
        List<String> accounts = List.of(Events.newAccountId(), Events.newAccountId(), Events.newAccountId());
        try (RelayPause pause = RelayPause.hold(pool)) {
            postStories(accounts, 10);
            // Exactly what the old relay did: move the checkpoint past committed events it never published.
            pause.connection().query("UPDATE outbox_checkpoint SET (last_transaction_id, last_position) = "
                    + "(SELECT transaction_id, position FROM event_store "
                    + "ORDER BY transaction_id DESC, position DESC LIMIT 1)").execute().await().indefinitely();
        }

        JsonPath result = audit().then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("outcome")).isEqualTo("REPAIRED");
        long found = result.getLong("eventsUpToCheckpoint") - result.getLong("publishedEvents");
        assertThat(found).as("committed events behind the checkpoint, never published").isGreaterThanOrEqualTo(30);
        assertThat(result.getLong("republished")).isGreaterThanOrEqualTo(found);

        PublishedHistory.assertStoreEqualsTopic(pool, topic, accounts, Duration.ofSeconds(30));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metric(metrics, "kam_outbox_invariant_violations_total{check=\"audit\"")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "kam_outbox_republished_total{reason=\"audit\"")).isGreaterThanOrEqualTo(found);
        assertThat(metric(metrics, "kam_outbox_gap_events")).isZero();
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        audit().then().statusCode(200).body("outcome", equalTo("HELD"));
    }

    @Test
    void theFirstAuditOfAStoreWrittenBeforeTheInvariantRepublishesItOnce() {
        String account = Events.newAccountId();
        postStories(List.of(account), 3);
        topic.recordsFor(account, 3);
        // What migration V2 leaves on a store written by an earlier version: no audit yet.
        pool.query("UPDATE outbox_checkpoint SET verified_at = NULL").execute().await().indefinitely();

        JsonPath first = audit().then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("outcome")).isEqualTo("INITIAL_REPUBLISH");
        assertThat(first.getLong("republished")).isEqualTo(first.getLong("eventsUpToCheckpoint")).isGreaterThanOrEqualTo(3);
        assertThat(topic.recordsFor(List.of(account), found -> found.size() >= 6, Duration.ofSeconds(30)))
                .as("the account's events once more, same ids").hasSize(6);
        audit().then().statusCode(200).body("outcome", equalTo("HELD")).body("republished", equalTo(0));
    }

    @Test
    void anOperatorSeesTheOutboxAndRepublishesARangeInBoundedSteps() {
        String account = Events.newAccountId();
        postStories(List.of(account), 5);
        List<Long> positions = new ArrayList<>();
        pool.preparedQuery("SELECT position FROM event_store WHERE subject = $1 ORDER BY position")
                .execute(Tuple.of(account)).await().indefinitely().forEach(row -> positions.add(row.getLong(0)));
        topic.recordsFor(account, 5);

        given().auth().oauth2(Tokens.admin()).when().get("/api/admin/outbox").then().statusCode(200)
                .body("healthy", equalTo(true))
                .body("checkpoint.transactionId", org.hamcrest.Matchers.notNullValue());

        long from = positions.get(0);
        long to = positions.get(4);
        republish("{\"fromPosition\":" + from + ",\"toPosition\":" + to + ",\"limit\":3}").then().statusCode(200)
                .body("republished", equalTo(3))
                .body("nextPosition", equalTo((int) positions.get(2).longValue() + 1));
        republish("{\"fromPosition\":" + (positions.get(2) + 1) + ",\"toPosition\":" + to + "}").then().statusCode(200)
                .body("republished", equalTo(2))
                .body("lastPosition", equalTo((int) to))
                .body("nextPosition", nullValue());

        List<ConsumerRecord<String, String>> records = topic.recordsFor(List.of(account), found -> found.size() >= 10,
                Duration.ofSeconds(30));
        assertThat(records).as("each event once more, same ce_id").hasSize(10);
        assertThat(records.stream().map(r -> AccountTopic.header(r, "ce_id")).distinct()).hasSize(5);
    }

    @Test
    void outboxAdministrationNeedsTheAdminRoleAndValidInput() {
        given().when().get("/api/admin/outbox").then().statusCode(401);
        given().auth().oauth2(Tokens.writer()).when().get("/api/admin/outbox").then().statusCode(403);
        given().auth().oauth2(Tokens.writer()).when().post("/api/admin/outbox/audit").then().statusCode(403);
        republish("{\"fromPosition\":0}").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("fromPosition"));
        republish("{\"fromPosition\":9,\"toPosition\":3}").then().statusCode(400)
                .body("violations[0].field", equalTo("toPosition"));
        republish("{\"fromPosition\":1,\"limit\":100001}").then().statusCode(400);
        republish("{\"fromPosition\":1,\"surprise\":true}").then().statusCode(400);
        republish("").then().statusCode(400);
    }

    @Test
    void everySessionCommitsDurablyWhateverTheServerDefault() {
        // The test server runs with synchronous_commit=off (fast, throw-away data); the service overrides it.
        String setting = pool.query("SHOW synchronous_commit").execute().await().indefinitely().iterator().next().getString(0);
        assertThat(setting).isEqualTo("on");
    }

    @Test
    void theBacklogIsMeasured() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("kam_outbox_unpublished_events", "kam_outbox_oldest_unpublished_seconds",
                "kam_outbox_gap_events", "kam_outbox_published_total");
    }

    private static void postStories(List<String> accounts, int eventsEach) {
        List<String> items = new ArrayList<>();
        for (String account : accounts) {
            items.add(Batches.registration(account));
            for (int i = 1; i < eventsEach; i++) {
                items.add(Batches.revenue(account, "2026-01", "1.00", "0.50"));
            }
        }
        assertThat(Batches.post(items)).isEqualTo(items.size());
    }

    private static io.restassured.response.Response audit() {
        return given().auth().oauth2(Tokens.admin()).when().post("/api/admin/outbox/audit");
    }

    private static io.restassured.response.Response republish(String body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/admin/outbox/republish");
    }

    /** The value of the first Prometheus sample whose line starts with {@code prefix}, or 0 when there is none. */
    static double metric(String exposition, String prefix) {
        return exposition.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(0.0);
    }
}
