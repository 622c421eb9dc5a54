package org.ordercycle.billing.invoice;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The scheduled billing run: invoices what is due of every customer's pending shipments (closed periods, delivered
 * shipments, shipments released by a purchase-order reference), one customer per transaction so that one
 * customer's failure holds back no other.
 */
@ApplicationScoped
public class BillingRun {

    private static final Logger LOG = Logger.getLogger(BillingRun.class);

    private final InvoiceService invoices;

    BillingRun(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @Scheduled(cron = "{billing.run.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** @return the invoices issued */
    public BillingRunView run() {
        int customers = 0;
        int issued = 0;
        for (UUID customerId : invoices.customersWithPendingShipments()) {
            try {
                issued += invoices.billDue(customerId);
                customers++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Billing run: customer %s not billed, tried again next run", customerId);
            }
        }
        return new BillingRunView(customers, issued);
    }
}
