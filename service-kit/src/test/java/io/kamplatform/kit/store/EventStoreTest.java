package io.kamplatform.kit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.local.Database;
import io.kamplatform.local.TestInfra;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event store against a real PostgreSQL (deploy/local's test infrastructure, with the migrations this jar ships):
 * append-only, one event per stream version, one event per event id, reads in version and store order.
 */
class EventStoreTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    static Database database;
    static Vertx vertx;
    static Pool pool;

    final EventStore store = new EventStore();
    String run;

    @BeforeAll
    static void database() throws Exception {
        database = TestInfra.instance().database("kit_event_store");
        try (Connection jdbc = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement sql = jdbc.createStatement()) {
            var exists = sql.executeQuery("SELECT to_regclass('event_store') IS NOT NULL");
            exists.next();
            if (!exists.getBoolean(1)) {
                sql.execute(migration("V1__event_store.sql"));
                sql.execute(migration("V2__outbox_invariant.sql"));
            }
            sql.execute(migration("V3__trace_parent.sql")); // idempotent: also upgrades a database kept from an earlier run
        }
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(database.reactiveUrl())
                .setUser(database.username()).setPassword(database.password())).using(vertx).build();
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.closeAndAwait();
        }
        if (vertx != null) {
            vertx.closeAndAwait();
        }
    }

    @BeforeEach
    void run() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void appendsAndLoadsEachStreamInVersionOrder() throws IOException {
        List<StoredEvent> appended = inTransaction(c -> store.append(c, List.of(
                event("e2", "A", 2, "{\"n\": 2}"), event("e1", "A", 1, "{\"n\": 1}"), event("e3", "B", 1, "{\"n\": 3}"))));

        assertThat(appended).extracting(StoredEvent::eventId).containsExactly(id("e2"), id("e1"), id("e3"));
        assertThat(appended).extracting(StoredEvent::position).isSorted();
        List<StoredEvent> a = inTransaction(c -> store.loadStreams(c, List.of(id("A"))));
        assertThat(a).extracting(StoredEvent::version).containsExactly(1L, 2L);
        StoredEvent first = a.get(0);
        assertThat(first.subject()).isEqualTo(id("ACME"));
        assertThat(first.type()).isEqualTo("SomethingHappened");
        assertThat(first.schemaVersion()).isEqualTo(1);
        assertThat(JSON.readTree(first.payload())).isEqualTo(JSON.readTree("{\"n\": 1}"));
        assertThat(first.occurredAt().toInstant()).isEqualTo(AT.toInstant());
        assertThat(first.requestHash()).isEqualTo("hash-" + id("e1"));
        assertThat(first.recordedAt()).isNotNull();
    }

    @Test
    void aStreamVersionIsTakenOnce() {
        inTransaction(c -> store.append(c, List.of(event("e1", "A", 1, "{}"))));

        assertThatThrownBy(() -> inTransaction(c -> store.append(c, List.of(event("e2", "A", 1, "{}")))))
                .isInstanceOf(ConcurrentAppendException.class);
        assertThat(inTransaction(c -> store.loadStreams(c, List.of(id("A"))))).extracting(StoredEvent::eventId)
                .containsExactly(id("e1"));
    }

    @Test
    void anEventIdIsTakenOnceAcrossStreams() {
        inTransaction(c -> store.append(c, List.of(event("e1", "A", 1, "{}"))));

        assertThatThrownBy(() -> inTransaction(c -> store.append(c, List.of(event("e1", "B", 1, "{}")))))
                .isInstanceOf(ConcurrentAppendException.class);
        assertThat(inTransaction(c -> store.findByEventIds(c, List.of(id("e1"), id("unknown")))))
                .extracting(StoredEvent::streamId).containsExactly(id("A"));
    }

    @Test
    void aFailedAppendStoresNothingOfItsBatch() {
        inTransaction(c -> store.append(c, List.of(event("e1", "A", 1, "{}"))));

        assertThatThrownBy(() -> inTransaction(c -> store.append(c, List.of(event("e2", "B", 1, "{}"),
                event("e3", "A", 1, "{}"))))).isInstanceOf(ConcurrentAppendException.class);
        assertThat(inTransaction(c -> store.findByEventIds(c, List.of(id("e2"), id("e3"))))).isEmpty();
    }

    @Test
    void readsBySubjectInStoreOrderAndByStreamInPages() {
        inTransaction(c -> store.append(c, List.of(event("e1", "A", 1, "{}"), event("e2", "B", 1, "{}"),
                event("e3", "A", 2, "{}"), event("e4", "A", 3, "{}"))));

        List<StoredEvent> all = inTransaction(c -> store.loadSubject(c, id("ACME"), 0, 10));
        assertThat(all).extracting(StoredEvent::eventId).containsExactly(id("e1"), id("e2"), id("e3"), id("e4"));
        assertThat(inTransaction(c -> store.loadSubject(c, id("ACME"), all.get(1).position(), 1)))
                .extracting(StoredEvent::eventId).containsExactly(id("e3"));
        assertThat(inTransaction(c -> store.loadStream(c, id("A"), 2, 1))).extracting(StoredEvent::eventId)
                .containsExactly(id("e3"));
    }

    @Test
    void findsTheStreamsHoldingAnEventType() {
        inTransaction(c -> store.append(c, List.of(event("e1", "A", 1, "{}"),
                new NewEvent(id("e2"), id("B"), id("ACME"), 1, "OtherThing", 1, "{}", AT, "h"))));

        assertThat(streams(c -> store.streamsWithEventType(c, List.of(id("A"), id("B"), id("C")), "SomethingHappened")))
                .containsExactly(id("A"));
    }

    @Test
    void storedEventsAreNeverChangedOrDeleted() throws SQLException {
        inTransaction(c -> store.append(c, List.of(event("e1", "A", 1, "{}"))));

        try (Connection jdbc = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement sql = jdbc.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE event_store SET event_type = 'Changed' WHERE event_id = '"
                    + id("e1") + "'")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM event_store WHERE event_id = '" + id("e1") + "'"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(inTransaction(c -> store.findByEventIds(c, List.of(id("e1"))))).extracting(StoredEvent::type)
                .containsExactly("SomethingHappened");
    }

    /** Ids of this test run, so the tests share one database without seeing each other's events. */
    private String id(String name) {
        return run + "-" + name;
    }

    private NewEvent event(String eventId, String stream, long version, String payload) {
        return new NewEvent(id(eventId), id(stream), id("ACME"), version, "SomethingHappened", 1, payload, AT,
                "hash-" + id(eventId));
    }

    private static List<StoredEvent> inTransaction(Function<SqlConnection, Uni<List<StoredEvent>>> work) {
        return pool.withTransaction(work).await().indefinitely();
    }

    private static List<String> streams(Function<SqlConnection, Uni<List<String>>> work) {
        return pool.withTransaction(work).await().indefinitely();
    }

    private static String migration(String file) throws IOException {
        try (InputStream in = EventStoreTest.class.getClassLoader().getResourceAsStream("db/event-store/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
