package org.ordercycle.kit.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordercycle.kit.api.ProblemException;

/** The outbox events the relay parked, and releasing one for another try once its cause is fixed. */
@ApplicationScoped
public class ParkedEvents {

    private static final String COLUMNS = "id, event_id, topic, event_key, event_type, attempts, last_error, created_at, parked_at";
    private static final String PARKED = "select " + COLUMNS
            + " from kit_outbox where parked_at is not null and sent_at is null order by id limit ?";
    private static final String RELEASE = "update kit_outbox set parked_at = null, attempts = 0"
            + " where id = ? and parked_at is not null and sent_at is null returning " + COLUMNS;
    private static final String STATE = "select sent_at from kit_outbox where id = ?";

    private final AgroalDataSource dataSource;
    private final OutboxRelay relay;
    private final OutboxMonitor monitor;

    ParkedEvents(AgroalDataSource dataSource, OutboxRelay relay, OutboxMonitor monitor) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.monitor = monitor;
    }

    /** The oldest parked events first, at most {@code limit}. */
    public List<ParkedEvent> list(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(PARKED)) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<ParkedEvent> parked = new ArrayList<>();
                while (rows.next()) {
                    parked.add(read(rows));
                }
                return parked;
            }
        } catch (SQLException e) {
            throw new OutboxException("could not read the parked outbox events", e);
        }
    }

    /**
     * Releases a parked event: the relay tries it again at once, with a fresh count of attempts, and the events
     * waiting behind it follow it once it is sent. Refused again, it is parked again.
     */
    public ParkedEvent retry(long id) {
        ParkedEvent released;
        try (Connection connection = dataSource.getConnection()) {
            released = release(connection, id);
        } catch (SQLException e) {
            throw new OutboxException("could not release parked outbox event " + id, e);
        }
        relay.wake();
        monitor.refresh();
        return released;
    }

    private static ParkedEvent release(Connection connection, long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(RELEASE)) {
            update.setLong(1, id);
            try (ResultSet row = update.executeQuery()) {
                if (row.next()) {
                    return read(row);
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(STATE)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("outbox event", id);
                }
                Timestamp sentAt = row.getTimestamp(1);
                throw ProblemException.conflict("Not parked", "outbox event " + id + " is not parked: "
                        + (sentAt != null ? "it was sent at " + sentAt.toInstant() : "it is waiting to be sent"));
            }
        }
    }

    private static ParkedEvent read(ResultSet row) throws SQLException {
        Timestamp parkedAt = row.getTimestamp("parked_at");
        return new ParkedEvent(row.getLong("id"), row.getObject("event_id", UUID.class), row.getString("topic"),
                row.getString("event_key"), row.getString("event_type"), row.getInt("attempts"),
                row.getString("last_error"), row.getTimestamp("created_at").toInstant(),
                parkedAt == null ? null : parkedAt.toInstant());
    }
}
