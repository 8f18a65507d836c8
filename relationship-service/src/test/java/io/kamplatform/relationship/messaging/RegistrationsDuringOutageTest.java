package io.kamplatform.relationship.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kamplatform.local.Database;
import io.kamplatform.local.TestInfra;
import io.kamplatform.relationship.support.Accounts;
import io.kamplatform.relationship.support.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A registration that arrives while this service's database is unavailable is not lost: consumption waits (readiness
 * DOWN, naming the stalled topic), then learns the account once the database is back, without a restart.
 */
@QuarkusTest
class RegistrationsDuringOutageTest {

    @Inject
    Pool pool;

    @Test
    void aRegistrationDuringADatabaseOutageIsLearntAfterIt() throws Exception {
        String account = Accounts.newAccountId();
        Database db = TestInfra.instance().database("relationship");
        try {
            admin(db, "ALTER DATABASE relationship ALLOW_CONNECTIONS false",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'relationship' AND pid <> pg_backend_pid()");
            Topics.publishRegistration(account, "Outage GmbH");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> given().when().get("/q/health/ready").statusCode() == 503);
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'account-registrations' }.status", equalTo("DOWN"));
        } finally {
            admin(db, "ALTER DATABASE relationship ALLOW_CONNECTIONS true");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> Accounts.known(pool, account));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
    }

    private static void admin(Database db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl().replace("/relationship", "/postgres"), db.username(),
                db.password()); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
