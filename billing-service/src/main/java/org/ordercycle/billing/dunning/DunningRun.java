package org.ordercycle.billing.dunning;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The scheduled dunning run: every overdue invoice, one transaction each, so one failure holds back no other. */
@ApplicationScoped
public class DunningRun {

    private static final Logger LOG = Logger.getLogger(DunningRun.class);

    private final DunningService dunning;

    DunningRun(DunningService dunning) {
        this.dunning = dunning;
    }

    @Scheduled(cron = "{billing.dunning.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    public DunningRunView run() {
        int overdue = 0;
        int notices = 0;
        int disputed = 0;
        for (UUID invoiceId : dunning.overdueInvoices()) {
            try {
                DunningService.Outcome outcome = dunning.dun(invoiceId);
                overdue += outcome.overdue() ? 1 : 0;
                notices += outcome.notice() ? 1 : 0;
                disputed += outcome == DunningService.Outcome.DISPUTED ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Dunning run: invoice %s not dunned, tried again next run", invoiceId);
            }
        }
        return new DunningRunView(overdue, notices, disputed);
    }
}
