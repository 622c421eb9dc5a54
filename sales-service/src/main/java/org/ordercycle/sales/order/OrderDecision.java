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
import java.util.List;
import java.util.UUID;

/** One decision about an order's acceptance — held, released, queued, accepted, declined — with who and why. */
@Entity
@Table(name = "order_decision")
class OrderDecision extends PanacheEntityBase {

    /** From a sequence handed out 50 at a time: known before the insert, so the rows of a transaction are batched. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_decision_ids")
    @SequenceGenerator(name = "order_decision_ids", sequenceName = "order_decision_id_seq", allocationSize = 50)
    public Long id;

    public UUID orderId;

    public String decision;

    @Column(name = "by_whom")
    public String by;

    public String reason;

    public Integer score;

    public Instant decidedAt;

    static void record(UUID orderId, String decision, String by, String reason, Integer score, Instant at) {
        OrderDecision entry = new OrderDecision();
        entry.orderId = orderId;
        entry.decision = decision;
        entry.by = by;
        entry.reason = reason;
        entry.score = score;
        entry.decidedAt = at;
        entry.persist();
    }

    static List<OrderDecision> of(UUID orderId) {
        return list("orderId = ?1 order by decidedAt, id", orderId);
    }
}
