package io.kamplatform.reporting.support;

import java.sql.Connection;
import java.sql.DriverManager;
import org.eclipse.microprofile.config.ConfigProvider;

/** A plain JDBC connection to the service's database, for tests that hold transactions open or change the schema. */
public final class Jdbc {

    private Jdbc() {
    }

    public static Connection connection() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
