package org.ordercycle.contact.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One thing that happened with a customer, as a department's event told it. */
@Entity
public class TimelineEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID customerId;

    public UUID eventId;

    public String kind;

    public UUID orderId;

    public String summary;

    public Instant occurredAt;

    static TimelineEntry record(UUID customerId, UUID eventId, String kind, UUID orderId, String summary,
            Instant occurredAt) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.customerId = customerId;
        entry.eventId = eventId;
        entry.kind = kind;
        entry.orderId = orderId;
        entry.summary = summary;
        entry.occurredAt = occurredAt;
        entry.persist();
        return entry;
    }

    static List<TimelineEntry> of(UUID customerId) {
        return list("customerId = ?1 order by occurredAt, id", customerId);
    }
}
