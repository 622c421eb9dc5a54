package org.ordercycle.kit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderDeclined;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.inbox.EventHandlers;
import org.ordercycle.kit.outbox.Outbox;

/** A department as the kit sees one: reacts to OrderPlaced by recording an effect (and re-publishing on request). */
@ApplicationScoped
class TestOrderHandlers implements EventHandlers {

    static final String ID = "TestOrderHandlers.on(OrderPlaced)";

    /** A salesperson name that makes the handler fail every time: a handler bug that this record triggers. */
    static final String REFUSED = "refused-by-handler";

    /** Refused while {@link #broken} is set: a bug that a fix (and a replay) cures. */
    static final String REFUSED_UNTIL_FIXED = "refused-until-fixed";

    /** Loses a unique-key race on the first try, as when another replica inserted the same row first. */
    static final String RACE_ONCE = "race-once";

    static volatile boolean broken = true;
    static final Set<UUID> raced = ConcurrentHashMap.newKeySet();

    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    TestOrderHandlers(AgroalDataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    void on(OrderPlaced event) throws SQLException {
        if (REFUSED.equals(event.salesperson()) || REFUSED_UNTIL_FIXED.equals(event.salesperson()) && broken) {
            throw new IllegalArgumentException("salesperson " + event.salesperson() + " is not allowed to place orders");
        }
        if (RACE_ONCE.equals(event.salesperson()) && raced.add(event.eventId())) {
            throw new SQLException("duplicate key value violates unique constraint \"test_effect_pkey\"", "23505");
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
