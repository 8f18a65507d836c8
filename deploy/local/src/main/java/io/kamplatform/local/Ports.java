package io.kamplatform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port helpers: tests take free ports; the launcher checks its fixed ports before starting anything. */
public final class Ports {

    private Ports() {
    }

    /** A port free right now (the OS picks it); tiny race window, acceptable for local infra. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port", e);
        }
    }

    /** Whether nothing listens on {@code port} (checked on all interfaces, which also catches loopback-only listeners). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the servers themselves: connections in TIME_WAIT from a previous run must not count as "taken".
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code port} itself, or a free port when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? free() : port;
    }
}
