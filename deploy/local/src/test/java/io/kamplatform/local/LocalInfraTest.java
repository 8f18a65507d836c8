package io.kamplatform.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfraTest {

    @Test
    void kafkaBrokerCarriesARecordWithHeaders() throws Exception {
        try (LocalKafka kafka = LocalKafka.start()) {
            String topic = "kam.test.events";
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }

            Properties producerProps = new Properties();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
            producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
                var record = new ProducerRecord<>(topic, "ACME", "{\"name\":\"Acme\"}");
                record.headers().add("ce_type", "AccountRegistered".getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }

            Properties consumerProps = new Properties();
            consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "local-infra-test");
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
            }
            assertEquals(1, received.size());
            ConsumerRecord<String, String> record = received.get(0);
            assertEquals("ACME", record.key());
            assertEquals("{\"name\":\"Acme\"}", record.value());
            assertEquals("AccountRegistered",
                    new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aKeptBrokerStillHasItsRecordsAfterARestart(@TempDir Path dir) throws Exception {
        String topic = "kam.kept.events";
        try (LocalKafka kafka = LocalKafka.startKept(0, 0, dir)) {
            Properties producerProps = new Properties();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "ACME", "kept")).get();
            }
        }
        try (LocalKafka kafka = LocalKafka.startKept(0, 0, dir)) {
            Properties consumerProps = new Properties();
            consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "kept-test");
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
            }
            assertEquals(1, received.size());
            assertEquals("kept", received.get(0).value());
        }
    }

    @Test
    void postgresCreatesADatabaseThatAnswersQueries() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start()) {
            assertTrue(postgres.createDatabaseIfMissing("account"));
            assertFalse(postgres.createDatabaseIfMissing("account"), "second call must find it");
            assertEquals("postgresql://localhost:" + postgres.port() + "/account", postgres.reactiveUrl("account"));
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("account"), postgres.username(),
                    postgres.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select 1, current_database(), current_setting('server_version_num')")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertEquals("account", rs.getString(2));
                assertTrue(rs.getInt(3) >= 170000, "PostgreSQL 17 expected, got " + rs.getInt(3));
            }
            assertThrows(IllegalArgumentException.class, () -> postgres.createDatabaseIfMissing("x; drop table y"));
        }
    }

    @Test
    void postgresKeepsDataAcrossRestartsOnAKeptDataDirectory(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pgdata");
        try (LocalPostgres first = LocalPostgres.start(0, data)) {
            first.createDatabaseIfMissing("reporting");
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("reporting"), first.username(), first.password());
                    Statement s = c.createStatement()) {
                s.execute("create table kept (id int primary key)");
                s.execute("insert into kept values (42)");
            }
        }
        try (LocalPostgres second = LocalPostgres.start(0, data)) {
            assertFalse(second.createDatabaseIfMissing("reporting"), "database must survive the restart");
            try (Connection c = second.server().admin(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select current_setting('synchronous_commit'), current_setting('fsync')")) {
                assertTrue(rs.next());
                assertEquals("on", rs.getString(1), "kept data: a commit is on disk before it is acknowledged");
                assertEquals("on", rs.getString(2));
            }
            try (Connection c = DriverManager.getConnection(second.jdbcUrl("reporting"), second.username(),
                    second.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select id from kept")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
        }
    }

    @Test
    void mintedTokenVerifiesAgainstThePublicKeyAndCarriesTheRoles(@TempDir Path dir) throws Exception {
        LocalKeys keys = LocalKeys.loadOrCreate(dir);
        assertTrue(Files.readString(keys.publicKeyPath()).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertTrue(Files.readString(keys.privateKeyPath()).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(keys.privateKeyPath()));

        String token = new TokenMinter(keys.privateKey()).mint("alice", Duration.ofMinutes(5),
                Roles.CRM_WRITER, Roles.KAM_READER);

        // Reload from disk: the files, not the in-memory keys, are what services read.
        LocalKeys reloaded = LocalKeys.loadOrCreate(dir);
        assertEquals(keys.publicKey(), reloaded.publicKey());
        JwtClaims claims = consumer(reloaded).processToClaims(token);
        assertEquals(TokenMinter.ISSUER, claims.getIssuer());
        assertEquals("alice", claims.getSubject());
        assertEquals("alice", claims.getClaimValueAsString("upn"));
        assertEquals(Set.of(Roles.CRM_WRITER, Roles.KAM_READER), Set.copyOf(claims.getStringListClaimValue("groups")));
        assertTrue(claims.getJwtId() != null && !claims.getJwtId().isBlank());
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertTrue(lifetime > 290 && lifetime <= 300, "lifetime " + lifetime);

        LocalKeys other = LocalKeys.loadOrCreate(dir.resolve("other"));
        assertThrows(InvalidJwtException.class, () -> consumer(other).processToClaims(token));
    }

    private static JwtConsumer consumer(LocalKeys keys) {
        return new JwtConsumerBuilder()
                .setExpectedIssuer(TokenMinter.ISSUER)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }
}
