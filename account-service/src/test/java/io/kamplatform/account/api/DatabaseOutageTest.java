package io.kamplatform.account.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.kamplatform.local.Database;
import io.kamplatform.local.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * While the event store cannot be reached a write is answered 503 with Retry-After — not 500, and nothing recorded —
 * and readiness is DOWN; once the database is back the service is ready and takes writes again by itself.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void writesAreRefusedWith503DuringAnOutageAndAcceptedAfterIt() throws Exception {
        String account = Events.newAccountId();
        String eventId = Events.newEventId();
        Database db = TestInfra.instance().database("account");
        try {
            admin(db, "ALTER DATABASE account ALLOW_CONNECTIONS false",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'account' AND pid <> pg_backend_pid()");
            given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                    .body(Events.registration(eventId, "Outage Ltd"))
                    .when().post("/api/accounts/{id}/events", account)
                    .then().statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:kam-platform:problem:unavailable"));
            given().when().get("/q/health/ready").then().statusCode(503);
        } finally {
            admin(db, "ALTER DATABASE account ALLOW_CONNECTIONS true");
        }
        // Readiness recovers by itself (no restart): the pools drop their dead connections.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        // Same request again: recorded now (201), proving the first attempt stored nothing and the pool reconnected.
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.registration(eventId, "Outage Ltd"))
                .when().post("/api/accounts/{id}/events", account)
                .then().statusCode(201);
    }

    private static void admin(Database db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl().replace("/account", "/postgres"), db.username(),
                db.password()); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
