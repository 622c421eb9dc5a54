package org.ordercycle.kit;

import io.agroal.api.AgroalDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;

/** Events and database queries shared by the kit's tests. */
public final class KitTestSupport {

    private KitTestSupport() {
    }

    static OrderPlaced orderPlaced(UUID orderId) {
        return orderPlaced(orderId, "alice");
    }

    static OrderPlaced orderPlaced(UUID orderId, String salesperson) {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(),
                List.of(new OrderLine(1, "SKU-1", BigDecimal.ONE, null, null, null, null)), "EUR", null, Classification.EXTERNAL,
                salesperson, null, null);
    }

    public static long count(AgroalDataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof UUID[] ids) {
                    query.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else {
                    query.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long effectsOf(AgroalDataSource dataSource, UUID orderId) {
        return count(dataSource, "select count(*) from test_effect where order_id = ?", orderId);
    }

    static long effectsOfEvent(AgroalDataSource dataSource, UUID eventId) {
        return count(dataSource, "select count(*) from test_effect where event_id = ?", eventId);
    }

    /**
     * Effects of the given orders applied out of publication order: per order, an effect whose outbox row is older
     * than the effect before it.
     */
    static long outOfOrderEffects(AgroalDataSource dataSource, Collection<UUID> orderIds) {
        return count(dataSource, """
                select count(*) from (
                  select o.id, lag(o.id) over (partition by e.order_id order by e.seq) as previous
                  from test_effect e join kit_outbox o on o.event_id = e.event_id
                  where e.order_id = any(?)) ordered
                where previous > id""", (Object) orderIds.toArray(UUID[]::new));
    }

}
