package org.ordercycle.sales.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of an order's way through the departments. */
@Entity
@Table(name = "order_timeline")
class TimelineEntry extends PanacheEntityBase {

    /** From a sequence handed out 50 at a time: known before the insert, so the rows of a transaction are batched. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_timeline_ids")
    @SequenceGenerator(name = "order_timeline_ids", sequenceName = "order_timeline_id_seq", allocationSize = 50)
    public Long id;

    public UUID orderId;

    /** The event the step comes from: at most one entry per event and order. */
    public UUID eventId;

    public String step;

    public Instant occurredAt;

    public String department;

    @Column(name = "by_whom")
    public String by;

    public String summary;
}
