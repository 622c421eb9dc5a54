package org.ordercycle.billing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.ordercycle.testinfra.OrderCycleTestResource;

/** The test servers, with the billing service's own database and user, and a real SMTP server (GreenMail). */
public class BillingTestResource extends OrderCycleTestResource {

    private static GreenMail smtp;

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "billing"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        synchronized (BillingTestResource.class) {
            if (smtp == null) {
                smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
            }
        }
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort()));
        return config;
    }

    /** The SMTP server e-mail invoices are sent to in tests. */
    public static GreenMail smtp() {
        return smtp;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
