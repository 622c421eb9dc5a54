package org.ordercycle.billing.delivery;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Sends the e-mail invoices waiting, one transaction each, every few seconds. */
@ApplicationScoped
class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final DeliveryService deliveries;

    DeliverySender(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(every = "{billing.delivery.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendWaiting() {
        for (UUID invoiceId : deliveries.toSend()) {
            try {
                deliveries.send(invoiceId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "E-mail invoice %s not sent, tried again next round", invoiceId);
            }
        }
    }
}
