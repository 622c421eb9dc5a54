package org.ordercycle.launcher;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A process that behaves like a department service towards the launcher, in a fraction of a second instead of a
 * Quarkus start: it binds QUARKUS_HTTP_PORT and QUARKUS_MANAGEMENT_PORT (dying, as Quarkus does, when one is
 * taken) and answers {@code /q/health/ready} on the management port only, as the services do with the kit's
 * management interface.
 */
public final class StandInService {

    private StandInService() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer api = bind("QUARKUS_HTTP_PORT");
        HttpServer management = bind("QUARKUS_MANAGEMENT_PORT");
        management.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        management.start();
        System.out.println("stand-in service listening on " + api.getAddress().getPort() + " and "
                + management.getAddress().getPort());
        Thread.sleep(Long.MAX_VALUE);
    }

    private static HttpServer bind(String variable) throws IOException {
        int port = Integer.parseInt(System.getenv(variable));
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            System.out.println("Port " + port + " seems to be in use by another process");
            System.exit(1);
            throw e;
        }
    }
}
