package org.ordercycle.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loopback ports for the services: a free one, and whether one is free right now. */
final class Ports {

    private Ports() {
    }

    /** Ports {@link #free()} handed out in this JVM: chosen ports are bound later, by another process. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 100;

    /**
     * A port that was free a moment ago and that this JVM has not handed out before; another program may still take it
     * before the service binds it. The operating system may offer a port again as soon as the probe's socket is closed:
     * two services of one suite were once given the same port (returns' management port was production's API port, and
     * production's readiness was answered by returns), so a port is never handed out twice.
     */
    static int free() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = probe();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No loopback port that was not handed out before in " + ATTEMPTS + " attempts");
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    /** Whether a server could bind {@code port} now (a port in TIME_WAIT counts as free, as it does for servers). */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
