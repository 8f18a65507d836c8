package io.kamplatform.bench.perf.ceiling;

import io.kamplatform.bench.platform.JvmProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own perf tools from the kafka-tools jar, each in a child JVM (they may exit the JVM): the consumer perf tool
 * reading the platform's topics (W3's ceiling) and the end-to-end latency tool (part of W2's ceiling). The latency tool
 * produces, so it writes to a topic of its own ({@value #LATENCY_TOPIC}), never to the platform's.
 */
public final class KafkaPerf {

    public static final String LATENCY_TOPIC = "bench.kafka-latency";
    private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+)");

    private final String classpath;
    private final String bootstrap;
    private final Path workDir;

    public KafkaPerf(String classpath, String bootstrap, Path workDir) {
        this.classpath = classpath;
        this.bootstrap = bootstrap;
        this.workDir = workDir;
    }

    /** Messages per second the consumer perf tool fetched from {@code topic} (fetch time, without the group join). */
    public record ConsumerRate(long messages, double fetchSeconds) {
        public double perSecond() {
            return messages / fetchSeconds;
        }
    }

    public ConsumerRate consume(String topic, long messages) throws IOException, InterruptedException {
        String out = run("consumer-" + topic, List.of("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                bootstrap, "--topic", topic, "--messages", Long.toString(messages), "--group",
                "bench-consumer-perf-" + System.nanoTime(), "--timeout", "30000", "--hide-header"));
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
        // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
        for (String line : out.lines().toList().reversed()) {
            String[] f = line.split(",\\s*");
            if (f.length >= 10 && f[4].trim().matches("\\d+")) {
                return new ConsumerRate(Long.parseLong(f[4].trim()), Double.parseDouble(f[7].trim()) / 1000.0);
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no result:\n" + out);
    }

    /** p50 and p99 in ms of Kafka's end-to-end latency (produce with acks=all, then consume) for one payload size. */
    public double[] endToEndLatency(int messages, int payloadBytes) throws IOException, InterruptedException {
        String out = run("end-to-end", List.of("org.apache.kafka.tools.EndToEndLatency", bootstrap, LATENCY_TOPIC,
                Integer.toString(messages), "all", Integer.toString(payloadBytes)));
        Matcher m = PERCENTILES.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("EndToEndLatency printed no percentiles:\n" + out);
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    private String run(String name, List<String> arguments) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(List.of(JvmProcess.javaBinary(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath));
        command.addAll(arguments);
        Path log = workDir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " did not finish in 180 s; see " + log);
        }
        return Files.readString(log);
    }
}
