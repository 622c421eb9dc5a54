package org.ordercycle.kit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.kit.inbox.PrerequisiteMissing;
import org.ordercycle.kit.inbox.Prerequisites;
import org.ordercycle.kit.inbox.Received;

/**
 * Billing as the kit sees it: invoices a shipment at the price of the order's acceptance, which travels on another
 * topic and may arrive later.
 */
@ApplicationScoped
class TestShipmentHandlers implements EventHandlers {

    static final String ACCEPTED = "order-accepted";

    /** A carrier the handler refuses every time: a shipment that can never be applied. */
    static final String REFUSED_CARRIER = "refused-carrier";

    /** The shipment ids of every call of the batch handler, in call order. */
    static final Queue<List<UUID>> batches = new ConcurrentLinkedQueue<>();

    private final AgroalDataSource dataSource;
    private final Prerequisites prerequisites;

    TestShipmentHandlers(AgroalDataSource dataSource, Prerequisites prerequisites) {
        this.dataSource = dataSource;
        this.prerequisites = prerequisites;
    }

    void on(OrderAccepted event) throws SQLException {
        BigDecimal price = event.lines().get(0).unitPrice().amount();
        update("insert into test_accepted_order (order_id, unit_price) values (?, ?)", event.orderId(), price);
        prerequisites.arrived(ACCEPTED, event.orderId());
    }

    /**
     * A batch handler: the run's acceptances in one query, the invoices in one JDBC batch. A shipment whose
     * acceptance is missing fails the whole batch with PrerequisiteMissing; the kit then applies the run event by event.
     */
    void on(List<Received<ShipmentDispatched>> events) throws SQLException {
        batches.add(events.stream().map(received -> received.event().shipmentId()).toList());
        for (Received<ShipmentDispatched> received : events) {
            if (REFUSED_CARRIER.equals(received.event().carrier())) {
                throw new IllegalArgumentException("carrier " + REFUSED_CARRIER + " is not allowed");
            }
        }
        Map<UUID, BigDecimal> prices = acceptedPrices(events.stream().map(received -> received.event().orderId()).toList());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into test_invoice (shipment_id, order_id, amount) values (?, ?, ?)")) {
            for (Received<ShipmentDispatched> received : events) {
                ShipmentDispatched event = received.event();
                BigDecimal price = prices.get(event.orderId());
                if (price == null) {
                    throw PrerequisiteMissing.of(ACCEPTED, event.orderId());
                }
                insert.setObject(1, event.shipmentId());
                insert.setObject(2, event.orderId());
                insert.setBigDecimal(3, price.multiply(event.lines().get(0).quantity()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Needs no acceptance itself, but must not overtake the shipment it follows. */
    void on(ShipmentDelivered event) throws SQLException {
        int updated = update("update test_invoice set delivered = true where shipment_id = ?", event.shipmentId());
        if (updated != 1) {
            throw new IllegalStateException("delivery of shipment " + event.shipmentId() + " before its invoice");
        }
    }

    private Map<UUID, BigDecimal> acceptedPrices(List<UUID> orderIds) throws SQLException {
        Map<UUID, BigDecimal> prices = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select order_id, unit_price from test_accepted_order where order_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", orderIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    prices.put(rows.getObject(1, UUID.class), rows.getBigDecimal(2));
                }
            }
        }
        return prices;
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }
}
