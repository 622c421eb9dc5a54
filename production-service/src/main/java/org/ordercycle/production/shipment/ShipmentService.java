package org.ordercycle.production.shipment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.time.Instant;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.ShippedLine;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.production.order.ProductionOrder;
import org.ordercycle.production.stock.Availability;
import org.ordercycle.production.stock.Cause;
import org.ordercycle.production.stock.Stock;

/** Sends reserved goods of an order on their way, exactly as much as is reserved, and tells everyone what left. */
@ApplicationScoped
@Transactional
public class ShipmentService {

    private final Outbox outbox;
    private final Availability availability;
    private final Clock clock;

    ShipmentService(Outbox outbox, Availability availability, Clock clock) {
        this.outbox = outbox;
        this.availability = availability;
        this.clock = clock;
    }

    public ShipmentView ship(UUID orderId, ShipmentRequest request, String by) {
        Map<Integer, BigDecimal> quantities = quantitiesByLine(request);
        // Stock rows first (in SKU order), then the order: the lock order every change in production keeps.
        Map<Stock.Key, Stock> stocks = Stock.lock(ProductionOrder.stockKeysOf(orderId));
        ProductionOrder order = ProductionOrder.lock(orderId, stocks)
                .orElseThrow(() -> ProblemException.notFound("production order", orderId));
        if (order.cancelled()) {
            throw ProblemException.conflict("Order cancelled",
                    "order " + orderId + " was cancelled: nothing more ships for it");
        }
        List<Integer> unknown = quantities.keySet().stream().filter(lineNo -> order.line(lineNo).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("Unknown order lines",
                    "order " + orderId + " has no line " + join(unknown));
        }
        List<String> overdrawn = new ArrayList<>();
        quantities.forEach((lineNo, quantity) -> {
            ProductionOrder.Line line = order.line(lineNo).orElseThrow();
            if (quantity.compareTo(line.reserved) > 0) {
                overdrawn.add("line " + lineNo + " (" + line.sku + "): " + quantity.toPlainString() + " requested, "
                        + line.reserved.toPlainString() + " reserved and not shipped");
            }
        });
        if (!overdrawn.isEmpty()) {
            throw ProblemException.conflict("More than reserved",
                    "cannot ship more than is reserved and not yet shipped: " + String.join("; ", overdrawn));
        }

        List<String> from = quantities.keySet().stream().map(lineNo -> order.line(lineNo).orElseThrow().warehouse)
                .distinct().toList();
        if (from.size() > 1) {
            throw ProblemException.unprocessable("Several warehouses",
                    "the lines are reserved in " + String.join(" and ", from) + ": ship them separately");
        }
        Shipment shipment = Shipment.dispatch(orderId, request.modeOrDefault(), from.get(0), request.carrier(),
                blankToNull(request.trackingNo()), clock.instant(), by);
        Cause cause = new Cause(shipment.shippedAt, by, orderId, null, "shipment " + shipment.id, null);
        Set<String> skus = new TreeSet<>();
        quantities.forEach((lineNo, quantity) -> {
            ProductionOrder.Line line = order.line(lineNo).orElseThrow();
            stocks.get(line.stockKey()).ship(quantity, cause.line(lineNo));
            order.shipped(lineNo, quantity);
            shipment.add(lineNo, line.sku, quantity);
            skus.add(line.sku);
        });
        shipment.persist();
        outbox.publish(new ShipmentDispatched(UUID.randomUUID(), shipment.shippedAt, shipment.id, orderId,
                order.customerId,
                shipment.lines.stream().map(line -> new ShippedLine(line.lineNo, line.sku, line.quantity)).toList(),
                shipment.carrier, shipment.trackingNo, shipment.shippedFrom, shipment.shippedAt, by),
                order.traceparent); // the order's trace, not this request's: one trace from POST /orders to the invoice
        skus.forEach(sku -> availability.changed(sku, by));
        return ShipmentView.from(shipment);
    }

    /** The customer has the goods: publishes ShipmentDelivered. Delivered twice is a 409, in the future a 400. */
    public ShipmentView deliver(UUID shipmentId, DeliveryRequest request, String by) {
        Shipment shipment = Shipment.<Shipment>findByIdOptional(shipmentId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("shipment", shipmentId));
        Instant now = clock.instant();
        Instant at = request == null || request.deliveredAt() == null ? now : request.deliveredAt();
        if (at.isAfter(now)) {
            throw ProblemException.badRequest("deliveredAt", "must not be in the future");
        }
        if (at.isBefore(shipment.shippedAt)) {
            throw ProblemException.badRequest("deliveredAt", "must not be before the shipment left at " + shipment.shippedAt);
        }
        if (shipment.delivered()) {
            throw ProblemException.conflict("Delivered already",
                    "shipment " + shipmentId + " was delivered at " + shipment.deliveredAt);
        }
        shipment.deliver(at, by);
        String orderTrace = ProductionOrder.<ProductionOrder>findByIdOptional(shipment.orderId)
                .map(order -> order.traceparent).orElse(null);
        outbox.publish(new ShipmentDelivered(UUID.randomUUID(), now, shipment.id, shipment.orderId, at), orderTrace);
        return ShipmentView.from(shipment);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ShipmentView find(UUID shipmentId) {
        return Shipment.<Shipment>findByIdOptional(shipmentId).map(ShipmentView::from)
                .orElseThrow(() -> ProblemException.notFound("shipment", shipmentId));
    }

    private static Map<Integer, BigDecimal> quantitiesByLine(ShipmentRequest request) {
        Map<Integer, BigDecimal> quantities = new TreeMap<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ShipmentRequest.Line line = request.lines().get(i);
            if (!seen.add(line.lineNo())) {
                throw ProblemException.badRequest("lines[" + i + "].lineNo", "line " + line.lineNo() + " is named twice");
            }
            quantities.put(line.lineNo(), line.quantity());
        }
        return quantities;
    }

    private static String join(List<Integer> lineNos) {
        return String.join(", ", lineNos.stream().map(String::valueOf).toList());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
