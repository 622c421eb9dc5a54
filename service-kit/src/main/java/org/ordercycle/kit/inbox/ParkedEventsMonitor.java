package org.ordercycle.kit.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Retries parked events now and then, whatever announced their prerequisites: a prerequisite that arrived just
 * before a crash, or in a handler that does not call {@link Prerequisites#arrived}, is not waited for forever.
 * Counts what waits as the gauge {@code ordercycle.events.parked.waiting}.
 */
@ApplicationScoped
class ParkedEventsMonitor {

    private static final Logger LOG = Logger.getLogger(ParkedEventsMonitor.class);

    private final EventDispatcher dispatcher;
    private final ParkedEvents parked;

    ParkedEventsMonitor(EventDispatcher dispatcher, ParkedEvents parked, MeterRegistry metrics) {
        this.dispatcher = dispatcher;
        this.parked = parked;
        Gauge.builder("ordercycle.events.parked.waiting", parked, ParkedEvents::waiting)
                .description("Events parked until a prerequisite from another topic arrives")
                .register(metrics);
    }

    @Scheduled(every = "${ordercycle.kit.consumer.parked-retry-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryParked() {
        try {
            if (parked.countWaiting() > 0) {
                dispatcher.applyParked(null);
            }
        } catch (SQLException e) {
            LOG.debugf("Parked events not retried now: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
