package io.kamplatform.local;

/** Coordinates of one service database, in the forms Quarkus' JDBC (Flyway) and reactive datasources take. */
public record Database(String name, String jdbcUrl, String reactiveUrl, String username, String password) {

    static Database on(PostgresServer server, String name) {
        return new Database(name, server.jdbcUrl(name), server.reactiveUrl(name), server.username(), server.password());
    }
}
