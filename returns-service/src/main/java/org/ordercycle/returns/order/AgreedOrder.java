package org.ordercycle.returns.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.events.sales.OrderLine;

/**
 * An order as sales agreed it (OrderAccepted, replaced as a whole by every OrderAmended): the only source of the
 * prices, discounts and tax rates a refund is computed with.
 */
@Entity
@Table(name = "agreed_order")
public class AgreedOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID customerId;

    @Column(columnDefinition = "char(3)")
    public String currency;

    /** When sales published the snapshot this row holds. */
    public Instant agreedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreed_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    public List<Line> lines = new ArrayList<>();

    @Version
    public long version;

    /** One agreed line: so much of a product at this price, discount and tax rate. */
    @Embeddable
    public static class Line {
        public int lineNo;
        public String sku;
        public BigDecimal quantity;
        public BigDecimal unitPrice;
        public BigDecimal discountPercent;
        public BigDecimal taxRate;
    }

    /**
     * Holds sales' latest snapshot of the order's agreed lines. An older snapshot (a replayed acceptance after an
     * amendment) changes nothing.
     */
    static void agree(UUID orderId, UUID customerId, String currency, List<OrderLine> lines, Instant agreedAt) {
        AgreedOrder order = findById(orderId);
        if (order == null) {
            order = new AgreedOrder();
            order.id = orderId;
        } else if (order.agreedAt.isAfter(agreedAt)) {
            return;
        }
        order.customerId = customerId;
        order.currency = currency;
        order.agreedAt = agreedAt;
        order.lines.clear();
        for (OrderLine agreed : lines) {
            Line line = new Line();
            line.lineNo = agreed.lineNo();
            line.sku = agreed.sku();
            line.quantity = agreed.quantity();
            line.unitPrice = agreed.unitPrice().amount();
            line.discountPercent = agreed.discountPercent();
            line.taxRate = agreed.taxRate();
            order.lines.add(line);
        }
        order.persist();
    }

    /** The order, locked until the transaction ends: two returns of one order are checked one after the other. */
    public static Optional<AgreedOrder> lockForReturn(UUID orderId) {
        return Optional.ofNullable(findById(orderId, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Line> line(int lineNo) {
        return lines.stream().filter(line -> line.lineNo == lineNo).findFirst();
    }
}
