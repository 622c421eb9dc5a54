package org.ordercycle.kit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.kit.inbox.PrerequisiteMissing;
import org.ordercycle.kit.inbox.Prerequisites;

/**
 * Billing as the kit sees it: invoices a shipment at the price of the order's acceptance, which travels on another
 * topic and may arrive later.
 */
@ApplicationScoped
class TestShipmentHandlers implements EventHandlers {

    static final String ACCEPTED = "order-accepted";

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

    void on(ShipmentDispatched event) throws SQLException {
        BigDecimal price = acceptedPrice(event.orderId());
        BigDecimal quantity = event.lines().get(0).quantity();
        update("insert into test_invoice (shipment_id, order_id, amount) values (?, ?, ?)", event.shipmentId(),
                event.orderId(), price.multiply(quantity));
    }

    /** Needs no acceptance itself, but must not overtake the shipment it follows. */
    void on(ShipmentDelivered event) throws SQLException {
        int updated = update("update test_invoice set delivered = true where shipment_id = ?", event.shipmentId());
        if (updated != 1) {
            throw new IllegalStateException("delivery of shipment " + event.shipmentId() + " before its invoice");
        }
    }

    private BigDecimal acceptedPrice(Object orderId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select unit_price from test_accepted_order where order_id = ?")) {
            query.setObject(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw PrerequisiteMissing.of(ACCEPTED, orderId);
                }
                return row.getBigDecimal(1);
            }
        }
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
