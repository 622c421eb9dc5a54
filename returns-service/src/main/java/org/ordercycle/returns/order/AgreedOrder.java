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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.kit.money.Amounts;

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

    /** What sales clarified with the customer before accepting (OrderAccepted), when anything. */
    public String clarificationSummary;

    /** What the customer will check on delivery, as agreed (OrderAccepted); "not as agreed" is judged against it. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreed_order_criterion", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    @Column(name = "criterion")
    public List<String> acceptanceCriteria = new ArrayList<>();

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

    /**
     * Keeps what sales clarified and the acceptance criteria. Only the acceptance carries them (an amendment
     * changes lines, not the agreement), so a replayed acceptance sets them again to the same.
     */
    static void clarify(UUID orderId, String summary, List<String> criteria) {
        AgreedOrder order = findById(orderId);
        order.clarificationSummary = summary;
        order.acceptanceCriteria.clear();
        if (criteria != null) {
            order.acceptanceCriteria.addAll(criteria);
        }
    }

    /** The order as agreed, if returns knows its acceptance. */
    public static Optional<AgreedOrder> find(UUID orderId) {
        return Optional.ofNullable(findById(orderId));
    }

    /** Gross of the shipped quantities at the agreed prices: what a claim is capped at while no invoice is known. */
    public BigDecimal shippedGross() {
        Map<Integer, BigDecimal> shipped = Shipment.shippedPerLine(id);
        List<Amounts.Line> amounts = new ArrayList<>();
        for (Line line : lines) {
            BigDecimal quantity = shipped.getOrDefault(line.lineNo, BigDecimal.ZERO);
            if (quantity.signum() > 0) {
                amounts.add(new Amounts.Line(quantity, line.unitPrice, line.discountPercent,
                        line.taxRate));
            }
        }
        return amounts.isEmpty() ? BigDecimal.ZERO.setScale(2)
                : Amounts.totals(amounts, currency).gross().amount();
    }

    /** The order, locked until the transaction ends: two returns of one order are checked one after the other. */
    public static Optional<AgreedOrder> lockForReturn(UUID orderId) {
        return Optional.ofNullable(findById(orderId, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Line> line(int lineNo) {
        return lines.stream().filter(line -> line.lineNo == lineNo).findFirst();
    }
}
