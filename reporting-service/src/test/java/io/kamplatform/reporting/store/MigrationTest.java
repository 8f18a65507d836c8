package io.kamplatform.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kamplatform.local.Database;
import io.kamplatform.local.TestInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V2 keeps the history V1 stored: rows without a source get their topic's producer as source, so the same records
 * consumed again are duplicates, and the processed mark becomes (source, event id).
 */
class MigrationTest {

    @Test
    void v2KeepsExistingFactsAndKeysThemBySourceAndId() throws SQLException {
        Database db = TestInfra.instance().database("reporting_migration");
        Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).locations("classpath:db/migration")
                .target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO account_facts (event_id, account_id, event_type, source, topic, kafka_partition, "
                    + "kafka_offset, occurred_at, data) VALUES "
                    + "('e1', 'A', 'AccountRegistered', NULL, 'kam.account.events', 0, 1, now(), '{}'), "
                    + "('e2', 'A', 'ContractSigned', NULL, 'kam.contract.events', 0, 1, now(), '{}'), "
                    + "('e3', 'A', 'ContactAdded', '/crm/own', 'kam.interaction.events', 0, 1, now(), '{}'), "
                    + "('e4', 'A', 'Imported', NULL, 'legacy.events', 0, 1, now(), '{}')");

            Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).locations("classpath:db/migration")
                    .load().migrate();

            Map<String, String> sources = new LinkedHashMap<>();
            try (ResultSet rows = s.executeQuery("SELECT event_id, source FROM account_facts ORDER BY event_id")) {
                while (rows.next()) {
                    sources.put(rows.getString(1), rows.getString(2));
                }
            }
            assertThat(sources).containsExactly(Map.entry("e1", "/kam-platform/account-service"),
                    Map.entry("e2", "/kam-platform/relationship-service"), Map.entry("e3", "/crm/own"),
                    Map.entry("e4", "urn:kam-platform:unknown-source"));
            // The same id from another source is another event; from the same source it is the same one.
            s.execute("INSERT INTO account_facts (event_id, account_id, event_type, source, topic, kafka_partition, "
                    + "kafka_offset, occurred_at, data) VALUES ('e1', 'B', 'ContactAdded', '/kam-platform/relationship-service', "
                    + "'kam.interaction.events', 0, 2, now(), '{}')");
            assertThatThrownBy(() -> s.execute("INSERT INTO account_facts (event_id, account_id, event_type, source, topic, "
                    + "kafka_partition, kafka_offset, occurred_at, data) VALUES ('e1', 'A', 'AccountRegistered', "
                    + "'/kam-platform/account-service', 'kam.account.events', 0, 3, now(), '{}')"))
                    .hasMessageContaining("account_facts_pkey");
        }
    }
}
