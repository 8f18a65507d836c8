package io.kamplatform.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a Quarkus service in the launcher's tests: serves {@code GET /q/health/ready} with 200 on
 * {@code QUARKUS_HTTP_PORT}, or exits at once with code 3 when started with the argument {@code crash}.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("crash")) {
            System.out.println("FakeService: crashing as asked");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("FakeService listening on " + port);
        new CountDownLatch(1).await();
    }

    /** A {@link ServiceProcess} running this class, tagged as {@code name} of {@code home}. */
    static ServiceProcess process(String name, java.nio.file.Path home, int port, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(ServiceProcess.javaBinary());
        command.addAll(Leftovers.tags(home, name));
        command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), FakeService.class.getName()));
        command.addAll(java.util.List.of(args));
        return new ServiceProcess(name, command, home, port,
                java.util.Map.of("QUARKUS_HTTP_PORT", Integer.toString(port)),
                home.resolve(name + ".log"), () -> { });
    }
}
