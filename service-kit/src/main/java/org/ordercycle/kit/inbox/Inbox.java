package org.ordercycle.kit.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.ordercycle.kit.KitConfig;

/** Remembers which events this service has applied, in the same transaction as their effect. */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            insert into kit_inbox (consumer, event_id, event_type) values (?, ?, ?)
            on conflict (consumer, event_id) do nothing""";

    private final AgroalDataSource dataSource;
    private final String consumer;

    Inbox(AgroalDataSource dataSource, KitConfig config) {
        this.dataSource = dataSource;
        this.consumer = config.service();
    }

    /**
     * Records the event as applied by this service; true the first time, false for a redelivery. A concurrent
     * delivery of the same event to another replica waits for the first transaction and then sees false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String eventType) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            insert.setString(3, eventType);
            return insert.executeUpdate() == 1;
        }
    }
}
