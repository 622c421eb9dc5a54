package org.ordercycle.contact.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of an order of a customer, as the department that took it reported it. */
@Entity
public class TimelineEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID customerId;

    public UUID eventId;

    public String step;

    public String department;

    @Column(name = "acted_by")
    public String by;

    public UUID orderId;

    public String summary;

    public Instant occurredAt;

    /** Recording order, for entries of the same moment (set by the database, read only in queries). */
    @Column(insertable = false, updatable = false)
    public Long seq;

    static TimelineEntry record(UUID customerId, UUID eventId, NewEntry entry) {
        TimelineEntry recorded = new TimelineEntry();
        recorded.id = UUID.randomUUID();
        recorded.customerId = customerId;
        recorded.eventId = eventId;
        recorded.step = entry.step().name();
        recorded.department = entry.step().department();
        recorded.by = entry.by() == null || entry.by().isBlank() ? entry.step().department() : entry.by();
        recorded.orderId = entry.orderId();
        recorded.summary = entry.summary();
        recorded.occurredAt = entry.occurredAt();
        recorded.persist();
        return recorded;
    }

    static List<TimelineEntry> of(UUID customerId) {
        return list("customerId = ?1 order by occurredAt, seq", customerId);
    }
}
