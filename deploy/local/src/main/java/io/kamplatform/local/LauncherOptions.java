package io.kamplatform.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Command line of {@link KamPlatformLauncher}. Each option also has an environment default
 * ({@code KAM_LOCAL_HOME}, {@code KAM_KAFKA_PORT}, {@code KAM_POSTGRES_PORT}, {@code KAM_BASE_PORT},
 * {@code KAM_SERVICE_HEAP}, {@code KAM_OTEL}; the OTLP endpoint of {@code --otel} is {@code KAM_OTEL_ENDPOINT}).
 */
record LauncherOptions(Path home, Path repo, int kafkaPort, int postgresPort, int basePort, boolean services,
        boolean demo, long demoSeed, String serviceHeap, LocalTracing tracing, boolean help) {

    /**
     * The services' maximum heap: about what prod gives reporting-service (45% of 1 GiB, held to its 768 MiB RSS
     * target), so a local run and the benchmark show the memory production will see; without it a JVM here may grow
     * toward a quarter of the machine.
     */
    static final String DEFAULT_SERVICE_HEAP = "448m";

    static final String USAGE = """
            Usage: ./deploy/local/run [options]
              --home DIR            where local data lives (default: .kam-local under the current directory)
              --repo DIR            repository root holding the services' builds (default: current directory)
              --kafka-port N        Kafka client port (default 19092; the KRaft controller uses N+1)
              --postgres-port N     PostgreSQL port (default 15432)
              --base-port N         first service port: account N, relationship N+1, reporting N+2 (default 8081)
              --no-services         start Kafka and PostgreSQL only
              --no-demo             do not load the demo portfolio (it is loaded once; re-runs post nothing new)
              --demo-seed N         seed of the generated demo portfolio (default 2026)
              --service-heap SIZE   maximum heap of each service JVM, as for -Xmx (default 448m, as reporting-service in Kubernetes)
              --otel                the services export traces over OTLP to KAM_OTEL_ENDPOINT
                                    (default http://localhost:4317); off by default
              --help                this text
            Reset all local data: stop the platform and delete the --home directory.""";

    static LauncherOptions parse(String... args) {
        Path home = Settings.get("KAM_LOCAL_HOME").map(Path::of).orElse(Path.of(".kam-local"));
        Path repo = Path.of("");
        int kafkaPort = intSetting("KAM_KAFKA_PORT", 19092);
        int postgresPort = intSetting("KAM_POSTGRES_PORT", 15432);
        int basePort = intSetting("KAM_BASE_PORT", 8081);
        boolean services = true;
        boolean demo = !"false".equalsIgnoreCase(Settings.get("KAM_DEMO").orElse("true"));
        long demoSeed = io.kamplatform.local.demo.DemoPortfolio.DEFAULT_SEED;
        String serviceHeap = heap(Settings.get("KAM_SERVICE_HEAP").orElse(DEFAULT_SERVICE_HEAP), "KAM_SERVICE_HEAP");
        boolean otel = "true".equalsIgnoreCase(Settings.get("KAM_OTEL").orElse("false"));
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--home" -> home = Path.of(value(args, ++i, arg));
                case "--repo" -> repo = Path.of(value(args, ++i, arg));
                case "--kafka-port" -> kafkaPort = port(value(args, ++i, arg), arg);
                case "--postgres-port" -> postgresPort = port(value(args, ++i, arg), arg);
                case "--base-port" -> basePort = port(value(args, ++i, arg), arg);
                case "--no-services" -> services = false;
                case "--no-demo" -> demo = false;
                case "--demo-seed" -> demoSeed = seed(value(args, ++i, arg));
                case "--service-heap" -> serviceHeap = heap(value(args, ++i, arg), arg);
                case "--otel" -> otel = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        return new LauncherOptions(home.toAbsolutePath().normalize(), repo.toAbsolutePath().normalize(), kafkaPort,
                postgresPort, basePort, services, demo, demoSeed, serviceHeap, otel ? LocalTracing.on() : LocalTracing.OFF, help);
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--demo-seed needs a whole number, not " + value);
        }
    }

    private static String heap(String value, String option) {
        if (!value.matches("[1-9][0-9]{0,6}[kKmMgG]")) {
            throw new IllegalArgumentException(option + " needs a size such as 512m or 1g, not " + value);
        }
        return value;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int intSetting(String env, int fallback) {
        Optional<String> value = Settings.get(env);
        return value.isPresent() ? port(value.get(), env) : fallback;
    }

    private static int port(String value, String option) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a TCP port (1-65534), got " + value);
    }
}
