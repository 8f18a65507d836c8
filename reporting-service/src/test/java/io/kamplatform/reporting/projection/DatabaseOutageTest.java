package io.kamplatform.reporting.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.local.TestInfra;
import io.kamplatform.reporting.support.Fixtures;
import io.kamplatform.reporting.support.Metrics;
import io.kamplatform.reporting.support.Publisher;
import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A real outage: the reporting database refuses connections ("database is not currently accepting connections") and
 * its sessions are killed while valid records arrive. The projection must wait — readiness DOWN with the reason,
 * liveness UP, the consumers in their group — for longer than the old 15-retry budget and than a poll interval, then
 * resume by itself and project every record once, with nothing dead-lettered.
 */
@QuarkusTest
class DatabaseOutageTest {

    static final Pattern ATTEMPTS = Pattern.compile("\\((\\d+) attempts\\)");
    /** The old projector gave a record 15 retries before dead-lettering it. */
    static final int OLD_RETRY_BUDGET = 15;

    @Test
    void anOutagePausesTheProjectionAndLosesNothing() throws Exception {
        String accountId = Publisher.newAccountId();
        List<String> published = new ArrayList<>();
        try (Publisher publisher = new Publisher()) {
            published.add(publisher.publish(accountId, "AccountRegistered", "2026-02-01T09:00:00Z", Fixtures.registered("Outage Ltd")));
            awaitTimeline(accountId, 1);
            double deadLetteredBefore = Metrics.sum("kam_projection_dead_lettered_total");
            Set<String> members = groupMembers();
            assertThat(members).hasSize(3);

            try (Connection admin = maintenanceConnection(); Statement sql = admin.createStatement()) {
                try {
                    sql.execute("ALTER DATABASE reporting ALLOW_CONNECTIONS false");
                    sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'reporting' "
                            + "AND pid <> pg_backend_pid()");

                    published.add(publisher.publish(accountId, "KeyAccountDesignated", "2026-02-02T09:00:00Z", Fixtures.designated()));
                    published.add(publisher.publish(accountId, "ContactAdded", "2026-02-03T09:00:00Z",
                            Fixtures.contact("c-out", "\"DECIDER\"", "EXECUTIVE")));
                    published.add(publisher.publish(accountId, "ContractSigned", "2026-02-04T09:00:00Z",
                            Fixtures.contractSigned("K-OUT", "2026-02-01", "2028-01-31", true)));
                    published.add(publisher.publish(accountId, "InteractionRecorded", "2026-02-05T09:00:00Z",
                            Fixtures.interaction("i-out", "VISIT", "\"c-out\"", "SALES", true)));

                    await().atMost(Duration.ofSeconds(30)).until(() -> projectionCheck().contains("not currently accepting connections"));
                    Response ready = given().when().get("/q/health/ready");
                    assertThat(ready.statusCode()).isEqualTo(503);
                    // Longer than the old budget: the old projector would have dead-lettered the waiting records by now.
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                            .until(() -> maxAttempts(projectionCheck()) > OLD_RETRY_BUDGET + 5);
                    given().when().get("/q/health/live").then().statusCode(200);
                } finally {
                    sql.execute("ALTER DATABASE reporting ALLOW_CONNECTIONS true");
                }
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/health/ready").statusCode() == 200);
            awaitTimeline(accountId, published.size());
            JsonPath timeline = timeline(accountId);
            assertThat(timeline.getList("events.eventId", String.class)).containsExactlyInAnyOrderElementsOf(published);
            given().when().get("/q/health/live").then().statusCode(200);
            // The outage outlasted max.poll.interval.ms (5 s in tests): the same consumers are still in the group.
            assertThat(groupMembers()).isEqualTo(members);
            assertThat(Metrics.sum("kam_projection_dead_lettered_total")).isEqualTo(deadLetteredBefore);
            assertThat(deadLettersOf(accountId)).isZero();
        }
    }

    @Test
    void anAttemptTheDatabaseNeverAnswersIsRetriedAndStoredOnce() throws Exception {
        String accountId = Publisher.newAccountId();
        List<String> published = new ArrayList<>();
        try (Publisher publisher = new Publisher(); Connection locker = reportingConnection(); Statement sql = locker.createStatement()) {
            locker.setAutoCommit(false);
            // Inserts wait for the lock (reads do not): the attempt neither succeeds nor fails.
            sql.execute("LOCK TABLE account_facts IN EXCLUSIVE MODE");
            try {
                published.add(publisher.publish(accountId, "AccountRegistered", "2026-03-01T09:00:00Z", Fixtures.registered("Hung AG")));
                published.add(publisher.publish(accountId, "KeyAccountDesignated", "2026-03-02T09:00:00Z", Fixtures.designated()));
                await().atMost(Duration.ofSeconds(30)).until(() -> projectionCheck().contains("no answer from the database"));
                assertThat(given().when().get("/q/health/ready").statusCode()).isEqualTo(503);
            } finally {
                locker.rollback();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        awaitTimeline(accountId, published.size());
        assertThat(timeline(accountId).getList("events.eventId", String.class)).containsExactlyElementsOf(published);
    }

    /** The kam-projection readiness check as text ("" when UP without data of interest). */
    static String projectionCheck() {
        JsonPath health = given().when().get("/q/health/ready").then().extract().jsonPath();
        Object data = health.get("checks.find { it.name == 'kam-projection' }.data");
        return String.valueOf(data);
    }

    static int maxAttempts(String check) {
        Matcher m = ATTEMPTS.matcher(check);
        int max = 0;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }

    static Connection maintenanceConnection() throws Exception {
        return connection("postgres");
    }

    static Connection reportingConnection() throws Exception {
        return connection("reporting");
    }

    static Connection connection(String database) throws Exception {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class).replaceFirst("/reporting(?=\\?|$)", "/" + database);
        return DriverManager.getConnection(url, config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    static void awaitTimeline(String accountId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(accountId).getList("events").size() == count);
    }

    static JsonPath timeline(String accountId) {
        return given().auth().oauth2(Tokens.reader()).when().get("/api/reports/accounts/{id}/timeline", accountId)
                .then().statusCode(200).extract().jsonPath();
    }

    static Set<String> groupMembers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.instance().kafkaBootstrapServers()))) {
            return admin.describeConsumerGroups(List.of("reporting-service")).all().get().get("reporting-service")
                    .members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
        }
    }

    /** Records keyed by the account on any dead-letter topic (reads each to its end). */
    static int deadLettersOf(String accountId) {
        Properties props = new Properties();
        props.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.instance().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        int found = 0;
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Fixtures.ACCOUNTS + ".dlq", Fixtures.INTERACTIONS + ".dlq", Fixtures.CONTRACTS + ".dlq"));
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (accountId.equals(record.key())) {
                        found++;
                    }
                }
            }
        }
        return found;
    }
}
