package org.ordercycle.kit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderDeclined;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.kit.outbox.Outbox;

/** A department as the kit sees one: reacts to OrderPlaced by recording an effect (and re-publishing on request). */
@ApplicationScoped
class TestOrderHandlers implements EventHandlers {

    /** A salesperson name that makes the handler refuse the event, as a handler refuses a record it cannot apply. */
    static final String REFUSED = "refused-by-handler";

    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    TestOrderHandlers(AgroalDataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    void on(OrderPlaced event) throws SQLException {
        if (REFUSED.equals(event.salesperson())) {
            throw new IllegalArgumentException("salesperson " + REFUSED + " is not allowed to place orders");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into test_effect (event_id, order_id) values (?, ?)")) {
            insert.setObject(1, event.eventId());
            insert.setObject(2, event.orderId());
            insert.executeUpdate();
        }
    }

    /** Reacting to one event by publishing another (of a type this service skips): it inherits the correlation id. */
    void on(OrderCancelled event) {
        outbox.publish(new OrderDeclined(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                "follow-up of " + event.eventId(), "kit-test"));
    }
}
