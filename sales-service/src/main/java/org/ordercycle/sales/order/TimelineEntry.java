package org.ordercycle.sales.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of an order's way through the departments, with the acceptance decision it records, if any. */
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

    /** The acceptance decision this step records (HELD, RELEASED, QUEUED, ACCEPTED, DECLINED); null for others. */
    public String decision;

    /** Who decided: the manager or selection-policy (the step's {@code by} may name the department instead). */
    public String decidedBy;

    public String decisionReason;

    /** The score the decision went by, when there was one. */
    public Integer score;

    /** The audit trail of an order's acceptance: its steps that record a decision, oldest first. */
    static List<TimelineEntry> decisionsOf(UUID orderId) {
        return list("orderId = ?1 and decision is not null order by occurredAt, id", orderId);
    }

    /**
     * Whether the database holds an entry of the event on the order, without flushing the session first: entries
     * added in this transaction are the order's to know ({@link Order#record}).
     */
    static boolean recorded(UUID orderId, UUID eventId) {
        return getEntityManager()
                .createQuery("select count(*) from TimelineEntry where orderId = ?1 and eventId = ?2", Long.class)
                .setParameter(1, orderId)
                .setParameter(2, eventId)
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult() > 0;
    }
}
