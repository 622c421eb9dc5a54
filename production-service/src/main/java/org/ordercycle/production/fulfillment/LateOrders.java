package org.ordercycle.production.fulfillment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.ordercycle.production.order.ProductionOrder;
import org.ordercycle.production.order.ProductionOrderStatus;

/** Finds the orders whose promised date is lost or about to be: the promised date is never forgotten. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LateOrders {

    private static final List<ProductionOrderStatus> OPEN = List.of(ProductionOrderStatus.RESERVED,
            ProductionOrderStatus.BACKORDERED, ProductionOrderStatus.IN_PRODUCTION,
            ProductionOrderStatus.PARTIALLY_SHIPPED);

    private final Clock clock;

    LateOrders(Clock clock) {
        this.clock = clock;
    }

    /** Every open order past its promised date or planned after it, most days late first. */
    public List<LateOrderView> list() {
        LocalDate today = LocalDate.now(clock);
        List<ProductionOrder> orders = ProductionOrder.list("""
                status in ?1 and promisedDate is not null
                and (promisedDate < ?2 or plannedCompletion > promisedDate)""", OPEN, today);
        return orders.stream().map(order -> view(order, today))
                .sorted(Comparator.comparingLong(LateOrderView::daysLate).reversed()
                        .thenComparing(LateOrderView::promisedDate))
                .toList();
    }

    private static LateOrderView view(ProductionOrder order, LocalDate today) {
        boolean past = order.promisedDate.isBefore(today);
        LocalDate ready = order.plannedCompletion == null ? today : order.plannedCompletion;
        long daysLate = ChronoUnit.DAYS.between(order.promisedDate, past && ready.isBefore(today) ? today : ready);
        BigDecimal open = order.lines.stream().map(line -> line.quantity.subtract(line.shipped))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new LateOrderView(order.id, order.customerId, order.status, order.promisedDate, order.plannedCompletion,
                past ? LateOrderView.Lateness.PAST_PROMISED_DATE : LateOrderView.Lateness.PLANNED_AFTER_PROMISED_DATE,
                daysLate, open, order.priority);
    }
}
