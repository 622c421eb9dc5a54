package org.ordercycle.billing.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.events.sales.OrderLine;

/**
 * An order sales accepted, with the agreed lines of its acceptance or latest amendment: billing's only source of
 * prices. Sales owns the order; billing keeps what it needs to invoice it.
 */
@Entity
@Table(name = "accepted_order")
public class AcceptedOrder extends PanacheEntityBase {

    /** The prerequisite a shipment read before its order's acceptance waits for. */
    public static final String ACCEPTED = "order-accepted";
    /** The prerequisite a refund waits for while the order's invoices do not yet cover the returned quantities. */
    public static final String INVOICED = "order-invoiced";

    @Id
    public UUID id;

    public UUID customerId;

    @Column(columnDefinition = "char(3)")
    public String currency;

    /** Noted only: what had already left before the cancellation is still invoiced. */
    public boolean cancelled;

    public Instant acceptedAt;

    /** The customer's purchase-order reference, printed on the invoice (BT-13) once billing was given it. */
    public String poReference;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreed_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    public List<AgreedLine> lines = new ArrayList<>();

    @Version
    public long version;

    /** Stores the acceptance; false when billing holds the order already (a replayed acceptance changes nothing). */
    static boolean accept(UUID id, UUID customerId, String currency, List<OrderLine> lines, Instant acceptedAt) {
        if (findById(id) != null) {
            return false;
        }
        AcceptedOrder order = new AcceptedOrder();
        order.id = id;
        order.customerId = customerId;
        order.currency = currency;
        order.acceptedAt = acceptedAt;
        lines.forEach(line -> order.lines.add(AgreedLine.of(line)));
        order.persist();
        return true;
    }

    /** The amendment's lines replace the agreed ones as a whole: a snapshot, never a difference. */
    void amend(List<OrderLine> amended) {
        lines.clear();
        amended.forEach(line -> lines.add(AgreedLine.of(line)));
    }

    /** The customer's purchase-order reference for this order, printed on its invoices from now on. */
    public void referTo(String purchaseOrderReference) {
        poReference = purchaseOrderReference;
    }

    void cancel() {
        cancelled = true;
    }

    public Optional<AgreedLine> line(int lineNo) {
        return lines.stream().filter(line -> line.lineNo == lineNo).findFirst();
    }

    /**
     * The order, locked until the transaction ends: invoices and credit notes of one order are written one after
     * the other, so two shipments can never both take the last ordered unit.
     */
    public static Optional<AcceptedOrder> lockedForBilling(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The orders billing holds of these ids, locked until the transaction ends as {@link #lockedForBilling(UUID)}
     * does: locked in one statement in id order (two batches never wait for each other in a circle), then read with
     * their agreed lines in one query. Ids billing does not hold are absent.
     */
    public static Map<UUID, AcceptedOrder> lockedForBilling(Collection<UUID> ids) {
        getEntityManager().createNativeQuery("select id from accepted_order where id in (?1) order by id for update")
                .setParameter(1, ids).getResultList();
        Map<UUID, AcceptedOrder> orders = new HashMap<>();
        getEntityManager().createQuery("select distinct o from AcceptedOrder o left join fetch o.lines where o.id in ?1",
                        AcceptedOrder.class)
                .setParameter(1, ids).getResultList().forEach(order -> orders.put(order.id, order));
        return orders;
    }
}
