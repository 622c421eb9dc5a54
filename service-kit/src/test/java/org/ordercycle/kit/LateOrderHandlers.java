package org.ordercycle.kit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventHandlers;

/** A second handler of OrderPlaced in the same service, as a department adds one next month. */
@ApplicationScoped
class LateOrderHandlers implements EventHandlers {

    static final String ID = "LateOrderHandlers.on(OrderPlaced)";

    private final AgroalDataSource dataSource;

    LateOrderHandlers(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void on(OrderPlaced event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into test_late_effect (event_id, order_id) values (?, ?)")) {
            insert.setObject(1, event.eventId());
            insert.setObject(2, event.orderId());
            insert.executeUpdate();
        }
    }
}
