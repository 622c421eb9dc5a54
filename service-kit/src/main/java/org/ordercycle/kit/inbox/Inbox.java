package org.ordercycle.kit.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Remembers which events each handler of this service has applied, in the same transaction as their effect. Kept
 * per handler, so that a handler added later applies events the service's other handlers applied long ago.
 */
@ApplicationScoped
public class Inbox {

    /** One handler's application of one event. */
    public record Entry(String handler, UUID eventId, String eventType) {
    }

    /**
     * Inserts the entries that are new, in one statement, and returns those inserted. Rows written before the inbox
     * was kept per handler (consumer {@code *}) count as applied by every handler.
     */
    private static final String RECORD = """
            insert into kit_inbox (consumer, event_id, event_type)
            select entry.handler, entry.event_id, entry.event_type
              from unnest(?::text[], ?::uuid[], ?::text[]) as entry (handler, event_id, event_type)
             where not exists (select 1 from kit_inbox legacy where legacy.consumer = '*' and legacy.event_id = entry.event_id)
            on conflict (consumer, event_id) do nothing
            returning consumer, event_id""";

    private final AgroalDataSource dataSource;

    Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the entries as applied and returns those applied for the first time; the others are redeliveries. A
     * concurrent delivery of the same event to another replica waits for the first transaction and then sees it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Entry> firstDeliveries(List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setArray(1, connection.createArrayOf("text", entries.stream().map(Entry::handler).toArray()));
            insert.setArray(2, connection.createArrayOf("uuid", entries.stream().map(Entry::eventId).toArray()));
            insert.setArray(3, connection.createArrayOf("text", entries.stream().map(Entry::eventType).toArray()));
            Set<String> inserted = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getString(1) + "|" + rows.getObject(2, UUID.class));
                }
            }
            Set<Entry> first = new HashSet<>();
            for (Entry entry : entries) {
                if (inserted.contains(entry.handler() + "|" + entry.eventId())) {
                    first.add(entry);
                }
            }
            return first;
        }
    }

    /** Records one handler's application of one event; true the first time, false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String handler, UUID eventId, String eventType) throws SQLException {
        return !firstDeliveries(List.of(new Entry(handler, eventId, eventType))).isEmpty();
    }
}
