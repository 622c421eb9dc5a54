package org.ordercycle.billing.dunning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** A return or claim against an order: while it is open, the order's invoices are not dunned. */
@Entity
public class Dispute extends PanacheEntityBase {

    @Id
    public UUID returnId;

    public UUID orderId;

    public boolean open;

    public Instant openedAt;

    public Instant closedAt;

    /** The return was requested or authorized; a closed case is not reopened by a late or replayed event. */
    static void open(UUID returnId, UUID orderId, Instant at) {
        if (findById(returnId) == null) {
            Dispute dispute = new Dispute();
            dispute.returnId = returnId;
            dispute.orderId = orderId;
            dispute.open = true;
            dispute.openedAt = at;
            dispute.persist();
        }
    }

    /** The return was closed or rejected (also when billing never saw it open). */
    static void close(UUID returnId, UUID orderId, Instant at) {
        Dispute dispute = findById(returnId);
        if (dispute == null) {
            dispute = new Dispute();
            dispute.returnId = returnId;
            dispute.orderId = orderId;
            dispute.openedAt = at;
        }
        dispute.open = false;
        dispute.closedAt = at;
        dispute.persist();
    }

    public static boolean anyOpen(Collection<UUID> orderIds) {
        return !orderIds.isEmpty() && count("orderId in ?1 and open = true", orderIds) > 0;
    }
}
