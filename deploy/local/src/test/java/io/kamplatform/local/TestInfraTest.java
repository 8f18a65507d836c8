package io.kamplatform.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The test resource as a service's @QuarkusTest sees it (the infra is whatever mode this JVM resolves: embedded here). */
class TestInfraTest {

    @Test
    void testResourceReturnsWorkingCoordinates() throws Exception {
        KamInfraTestResource resource = new KamInfraTestResource();
        resource.init(Map.of("database", "account"));
        Map<String, String> config = resource.start();

        assertEquals(Set.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url",
                "quarkus.datasource.username", "quarkus.datasource.password", "mp.jwt.verify.publickey.location",
                "mp.jwt.verify.issuer"), config.keySet());
        assertEquals(TokenMinter.ISSUER, config.get("mp.jwt.verify.issuer"));
        assertTrue(Files.isRegularFile(Path.of(config.get("mp.jwt.verify.publickey.location"))));
        assertTrue(config.get("quarkus.datasource.reactive.url").startsWith("postgresql://"));
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_database()")) {
            assertTrue(rs.next());
            assertEquals("account", rs.getString(1));
        }
        // A second application start in the same JVM reuses the same servers and database.
        assertEquals(config, new KamInfraTestResource() {
            {
                init(Map.of("database", "account"));
            }
        }.start());
        assertSame(TestInfra.instance(), TestInfra.instance());
        assertTrue(TestInfra.instance().tokenFor(Roles.CRM_WRITER).split("\\.").length == 3);
        assertThrows(IllegalArgumentException.class, () -> new KamInfraTestResource().init(Map.of()));
    }
}
