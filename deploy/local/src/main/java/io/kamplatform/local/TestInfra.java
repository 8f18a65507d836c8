package io.kamplatform.local;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The infrastructure of one test JVM: Kafka and PostgreSQL started once (lazily, on first use) according to
 * {@link InfraMode}, shared by every Quarkus application the JVM boots, and stopped by a shutdown hook. Starting
 * per test class would cost seconds each time and buys nothing: each service gets its own database.
 *
 * <p>Quarkus may load this class once per application class loader, so a plain static field would not make it a
 * JVM-wide singleton. The first loader starts the servers and publishes their coordinates in the system property
 * {@value #STATE_PROPERTY}; any other loader attaches to them. The lock is an interned string literal, the one
 * object every class loader shares.
 */
public final class TestInfra {

    /** The {@code upn} of test tokens. */
    public static final String TEST_USER = "test-user";

    static final String STATE_PROPERTY = "kam.test-infra.state";
    static final String DATABASES_PROPERTY = "kam.test-infra.databases";
    private static final String FAILURE_PROPERTY = "kam.test-infra.failure";
    private static final String JVM_WIDE_LOCK = "io.kamplatform.local.TestInfra.lock";

    private static TestInfra instance;

    private final InfraMode mode;
    private final String kafkaBootstrapServers;
    private final PostgresServer postgres;
    private final LocalKeys keys;
    private final TokenMinter minter;

    private TestInfra(InfraMode mode, String kafkaBootstrapServers, PostgresServer postgres, LocalKeys keys) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgres = postgres;
        this.keys = keys;
        this.minter = new TokenMinter(keys.privateKey());
    }

    /**
     * The JVM-wide instance, started on the first call. A failed start is remembered and reported, so later test
     * classes fail fast instead of retrying for a minute each.
     */
    public static TestInfra instance() {
        synchronized (JVM_WIDE_LOCK) {
            if (instance != null) {
                return instance;
            }
            String state = System.getProperty(STATE_PROPERTY);
            if (state != null) {
                instance = attach(state);
                return instance;
            }
            String failure = System.getProperty(FAILURE_PROPERTY);
            if (failure != null) {
                throw new IllegalStateException("KAM test infrastructure failed to start earlier in this JVM: " + failure);
            }
            try {
                instance = start();
                return instance;
            } catch (RuntimeException e) {
                System.setProperty(FAILURE_PROPERTY, String.valueOf(e));
                throw e;
            }
        }
    }

    private static TestInfra start() {
        QuietLogs.apply();
        long t0 = System.nanoTime();
        InfraMode mode = InfraMode.effective();
        Path keyDir = Dirs.temp("kam-test-keys-");
        LocalKeys keys = LocalKeys.loadOrCreate(keyDir);
        Infra infra = Infra.start(mode);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                infra.close();
            } finally {
                Dirs.deleteQuietly(keyDir);
            }
        }, "kam-test-infra-stop"));
        PostgresServer pg = infra.postgres();
        Logger.getLogger(TestInfra.class.getName()).info(String.format(
                "KAM test infrastructure (%s mode, %.1f s): Kafka %s, PostgreSQL %s:%d", mode.name().toLowerCase(),
                (System.nanoTime() - t0) / 1e9, infra.kafkaBootstrapServers(), pg.host(), pg.port()));
        System.setProperty(STATE_PROPERTY, Stream.of(mode.name(), infra.kafkaBootstrapServers(), pg.host(),
                String.valueOf(pg.port()), pg.username(), pg.password(), keyDir.toString())
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)).collect(Collectors.joining("|")));
        return new TestInfra(mode, infra.kafkaBootstrapServers(), pg, keys);
    }

    private static TestInfra attach(String state) {
        String[] f = Arrays.stream(state.split("\\|", -1))
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toArray(String[]::new);
        return new TestInfra(InfraMode.valueOf(f[0]), f[1], new PostgresServer(f[2], Integer.parseInt(f[3]), f[4], f[5]),
                LocalKeys.loadOrCreate(Path.of(f[6])));
    }

    /** The mode in use, never {@code AUTO}. */
    public InfraMode mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /**
     * The database {@code name}, created empty on the first call in this JVM (dropped first if it exists, which
     * matters in {@code EXTERNAL} mode) and left as it is on later calls. Lowercase letters, digits and
     * underscores only.
     */
    public Database database(String name) {
        synchronized (JVM_WIDE_LOCK) {
            Set<String> created = new LinkedHashSet<>(
                    Arrays.asList(System.getProperty(DATABASES_PROPERTY, "").split(",")));
            created.remove("");
            if (created.add(name)) {
                postgres.recreateDatabase(name);
                System.setProperty(DATABASES_PROPERTY, String.join(",", created));
            }
            return Database.on(postgres, name);
        }
    }

    /** Absolute path of the PEM public key that verifies {@link #tokenFor} tokens. */
    public String publicKeyLocation() {
        return keys.publicKeyPath().toAbsolutePath().toString();
    }

    /** A bearer token (without the {@code Bearer } prefix) for {@value #TEST_USER} with {@code roles}, valid 1 hour. */
    public String tokenFor(String... roles) {
        return minter.mint(TEST_USER, Duration.ofHours(1), roles);
    }
}
