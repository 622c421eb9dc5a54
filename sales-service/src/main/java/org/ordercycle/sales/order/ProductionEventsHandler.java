package org.ordercycle.sales.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ordercycle.events.production.ExpediteAnswered;
import org.ordercycle.events.production.OrderBackordered;
import org.ordercycle.events.production.OrderScheduled;
import org.ordercycle.events.production.ScheduleChanged;
import org.ordercycle.events.production.ReservationLine;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.StockReserved;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.sales.Decimals;

/** Production's word on sales' orders: reservation snapshots, schedule, expedite answers and shipments. */
@ApplicationScoped
class ProductionEventsHandler implements EventHandlers {

    private static final String PRODUCTION = "production";

    private final OrderService orders;

    ProductionEventsHandler(OrderService orders) {
        this.orders = orders;
    }

    void on(StockReserved event) {
        Orders.known(event.orderId()).ifPresent(order -> {
            order.reservationChanged(false, event.occurredAt());
            order.record(event.eventId(), "STOCK_RESERVED", event.occurredAt(), PRODUCTION, PRODUCTION,
                    "reserved " + reserved(event.lines()));
        });
    }

    void on(OrderBackordered event) {
        Orders.known(event.orderId()).ifPresent(order -> {
            order.reservationChanged(true, event.occurredAt());
            String backordered = event.lines().stream().filter(line -> line.backordered().signum() > 0)
                    .map(line -> "line " + line.lineNo() + " (" + line.sku() + ") "
                            + Decimals.plain(line.backordered()))
                    .collect(Collectors.joining(", "));
            order.record(event.eventId(), "ORDER_BACKORDERED", event.occurredAt(), PRODUCTION, PRODUCTION,
                    "backordered " + backordered + "; reserved " + reserved(event.lines()));
        });
    }

    void on(ShipmentDispatched event) {
        Orders.known(event.orderId()).ifPresent(order -> {
            Map<Integer, BigDecimal> quantities = event.lines().stream()
                    .collect(Collectors.toMap(line -> line.lineNo(), line -> line.quantity(), BigDecimal::add));
            if (!order.dispatched(event.shipmentId(), quantities, event.shippedAt())) {
                return; // the same shipment announced again
            }
            String shipped = event.lines().stream()
                    .map(line -> "line " + line.lineNo() + " × " + Decimals.plain(line.quantity()))
                    .collect(Collectors.joining(", "));
            order.record(event.eventId(), "SHIPMENT_DISPATCHED", event.occurredAt(), PRODUCTION,
                    event.by() == null ? PRODUCTION : event.by(), shipped + " by " + event.carrier()
                            + (event.trackingNo() == null ? "" : " (" + event.trackingNo() + ")"));
        });
    }

    void on(OrderScheduled event) {
        Orders.known(event.orderId()).ifPresent(order -> {
            order.scheduled(event.plannedCompletion());
            order.record(event.eventId(), "ORDER_SCHEDULED", event.occurredAt(), PRODUCTION, PRODUCTION,
                    "planned completion " + event.plannedCompletion() + risk(order));
        });
    }

    void on(ScheduleChanged event) {
        Orders.known(event.orderId()).ifPresent(order -> {
            order.scheduled(event.plannedCompletion());
            order.record(event.eventId(), "SCHEDULE_CHANGED", event.occurredAt(), PRODUCTION, PRODUCTION,
                    "planned completion " + event.previousCompletion() + " → " + event.plannedCompletion() + ": "
                            + event.reason() + risk(order));
        });
    }

    void on(ExpediteAnswered event) {
        orders.expediteAnswered(event);
    }

    private static String risk(Order order) {
        return order.atRisk() ? "; AT RISK: promised for " + order.promisedDate : "";
    }

    private static String reserved(List<ReservationLine> lines) {
        return lines.stream().map(line -> "line " + line.lineNo() + " " + Decimals.plain(line.reserved()))
                .collect(Collectors.joining(", "));
    }
}
