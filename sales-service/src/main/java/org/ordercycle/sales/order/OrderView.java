package org.ordercycle.sales.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;

/** An order as the API shows it. */
public record OrderView(UUID id, UUID customerId, OrderStatus status, List<LineView> lines, String currency,
        Classification classification, LocalDate requestedDate, String salesperson, Instant placedAt) {

    public record LineView(int lineNo, String sku, BigDecimal quantity) {

        static LineView from(OrderLine line) {
            return new LineView(line.lineNo, line.sku, plain(line.quantity));
        }
    }

    static OrderView from(Order order) {
        return new OrderView(order.id, order.customerId, order.status,
                order.lines.stream().map(LineView::from).toList(), order.currency, order.classification,
                order.requestedDate, order.salesperson, order.placedAt);
    }

    /** 4 as 4 whether the client sent 4.0 or the database returns 4.000. */
    private static BigDecimal plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
