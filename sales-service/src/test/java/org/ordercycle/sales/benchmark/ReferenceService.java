package org.ordercycle.sales.benchmark;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.ordercycle.events.sales.ForecastSubmitted;
import org.ordercycle.kit.outbox.Outbox;

/** The minimal reference: persist one row and emit one record (through the same outbox), nothing else. */
@ApplicationScoped
public class ReferenceService {

    private final Outbox outbox;

    ReferenceService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public UUID create(String payload) {
        ReferenceRow row = new ReferenceRow();
        row.id = UUID.randomUUID();
        row.payload = payload;
        row.createdAt = Instant.now();
        row.persist();
        outbox.publish(new ForecastSubmitted(UUID.randomUUID(), row.createdAt, "BENCH-" + row.id,
                YearMonth.now(ZoneOffset.UTC), BigDecimal.ONE, null));
        return row.id;
    }
}
