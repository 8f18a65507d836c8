package io.kamplatform.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The launcher's Kafka broker as a process of its own ({@link KafkaProcess} starts it), so that it can fail, be
 * killed and be restarted on its own, like PostgreSQL and the services. Arguments: client port, controller port,
 * log directory (kept). SIGTERM shuts the broker down cleanly.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("Usage: KafkaBrokerMain CLIENT_PORT CONTROLLER_PORT LOG_DIR");
            System.exit(2);
        }
        LocalKafka kafka = LocalKafka.startKept(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            System.out.println("Kafka broker stopped");
        }, "kafka-stop"));
        System.out.println("Kafka broker ready on " + kafka.bootstrapServers());
        new CountDownLatch(1).await(); // until SIGTERM
    }
}
