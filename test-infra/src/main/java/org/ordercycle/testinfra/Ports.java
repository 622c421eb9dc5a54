package org.ordercycle.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/** Loopback ports: find a free one, check one before a server binds it, see whether one accepts. */
final class Ports {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    private static final int ATTEMPTS = 5;

    /** Starts a server on ports it gets from {@code freePorts}. */
    @FunctionalInterface
    interface Starter<T> {
        T start(int[] ports);
    }

    private Ports() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    /**
     * Starts a server on {@code count} ports chosen free. Another program can take a port between "found free" and
     * "bound" (PostgreSQL binds only after initdb, Kafka after formatting its storage): a start that fails while one
     * of its ports is now taken is tried again on other ports, up to {@value #ATTEMPTS} times.
     */
    static <T> T startOnFreePorts(int count, IntSupplier freePorts, Starter<T> starter) {
        for (int attempt = 1; ; attempt++) {
            int[] ports = IntStream.generate(freePorts).limit(count).toArray();
            try {
                return starter.start(ports);
            } catch (ServerStartException e) {
                boolean taken = IntStream.of(ports).anyMatch(port -> !isFree(port));
                if (!taken || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a one-line message instead of letting the server die on a bind error in its log. */
    static void requireFree(String server, int port) {
        if (!isFree(port)) { // bound as servers do (SO_REUSEADDR), so a port in TIME_WAIT counts as free
            throw new ServerStartException(server + " could not start on port " + port + ": port in use");
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
