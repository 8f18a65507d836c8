package io.kamplatform.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One platform service run as a child JVM (normally its built {@code quarkus-run.jar}), logging to a file. */
final class ServiceProcess implements ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final List<String> command;
    private final Path workingDirectory;
    private final int port;
    private final Map<String, String> env;
    private final LogFile log;
    private final Runnable beforeRestart;

    ServiceProcess(String name, List<String> command, Path workingDirectory, int port, Map<String, String> env,
            Path log, Runnable beforeRestart) {
        this.name = name;
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.port = port;
        this.env = Map.copyOf(env);
        this.log = new LogFile(log);
        this.beforeRestart = beforeRestart;
    }

    /**
     * {@code java TAGS -Xmx<heap> -jar jar} with the launcher's own java binary. The tags ({@link Leftovers#tags}) let a later
     * launcher recognise the process if this one dies without stopping it.
     */
    static ServiceProcess ofJar(String name, Path jar, Path home, String heap, int port, Map<String, String> env, Path log,
            Runnable beforeRestart) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(Leftovers.tags(home, name));
        command.addAll(List.of("-Xmx" + heap, "-jar", jar.toString()));
        return new ServiceProcess(name, command, jar.getParent(), port, env, log, beforeRestart);
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @Override
    public String name() {
        return name;
    }

    int port() {
        return port;
    }

    @Override
    public Path log() {
        return log.path();
    }

    String url() {
        return "http://localhost:" + port;
    }

    @Override
    public Process start(boolean restart) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(OwnSession.command(command))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.redirect(restart));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Polls {@code /q/health/ready} until 200; false on timeout or if the process exits first. */
    @Override
    public boolean awaitReady(Process process, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /**
     * SIGTERM: Quarkus shuts down gracefully and its Kafka consumers leave their groups. Killed after 20 s
     * (reporting-service needs about 10 s: its three consumers leave one group one after the other).
     */
    @Override
    public void stop(Process process) {
        if (Signals.terminate(process.toHandle(), STOP_GRACE)) {
            System.out.println("  " + name + " did not stop within " + STOP_GRACE.toSeconds() + " s: killed it");
        }
    }

    @Override
    public void beforeRestart() {
        beforeRestart.run();
    }

    @Override
    public String failureDetail() {
        return "Last lines of " + log + ":\n" + log.tail(40);
    }
}
